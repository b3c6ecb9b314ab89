/**
 * Two "hosts" on this machine: network namespaces joined by a veth pair, each with its own loopback,
 * so a process in one reaches the other only over the link, and `linkDown()` cuts it like a pulled
 * cable (packets vanish; no reset). Needs root (CAP_NET_ADMIN and CAP_SYS_ADMIN); `netnsPermitted()`
 * says whether this machine allows it. The addresses exist only inside the two namespaces.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomInt } from 'node:crypto';

export interface TwoHosts {
  readonly producer: { readonly ns: string; readonly ip: string };
  readonly consumer: { readonly ns: string; readonly ip: string };
  /** `ip netns exec <ns>`: prefix a command with it to run there. */
  wrap(ns: string): string[];
  linkDown(): void;
  linkUp(): void;
  destroy(): void;
}

function ip(...args: string[]): void {
  execFileSync('ip', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

/** Null when namespaces can be made here, otherwise why not. */
export function netnsPermitted(): string | null {
  const probe = `wwprobe${process.pid}`;
  const added = spawnSync('ip', ['netns', 'add', probe], { encoding: 'utf8' });
  if (added.error) return `the ip command is missing (${added.error.message}); install iproute2`;
  if (added.status !== 0) return `ip netns add is not permitted here: ${added.stderr.trim()}`;
  spawnSync('ip', ['netns', 'del', probe]);
  return null;
}

export function createTwoHosts(): TwoHosts {
  const id = `${process.pid % 10_000}${randomInt(100)}`;
  const subnet = `10.213.${randomInt(256)}`;
  const producer = { ns: `wwprod${id}`, ip: `${subnet}.1`, link: `wwp${id}` };
  const consumer = { ns: `wwcons${id}`, ip: `${subnet}.2`, link: `wwc${id}` };
  const made: string[] = [];
  const destroy = () => {
    for (const ns of made.splice(0)) spawnSync('ip', ['netns', 'del', ns]); // takes its end of the veth along
  };
  try {
    for (const host of [producer, consumer]) {
      ip('netns', 'add', host.ns);
      made.push(host.ns);
      ip('-n', host.ns, 'link', 'set', 'lo', 'up');
    }
    ip(
      'link',
      'add',
      producer.link,
      'netns',
      producer.ns,
      'type',
      'veth',
      'peer',
      consumer.link,
      'netns',
      consumer.ns,
    );
    for (const host of [producer, consumer]) {
      ip('-n', host.ns, 'addr', 'add', `${host.ip}/30`, 'dev', host.link);
      ip('-n', host.ns, 'link', 'set', host.link, 'up');
    }
  } catch (error) {
    destroy();
    throw error;
  }
  return {
    producer: { ns: producer.ns, ip: producer.ip },
    consumer: { ns: consumer.ns, ip: consumer.ip },
    wrap: (ns) => ['ip', 'netns', 'exec', ns],
    linkDown: () => ip('-n', producer.ns, 'link', 'set', producer.link, 'down'),
    linkUp: () => ip('-n', producer.ns, 'link', 'set', producer.link, 'up'),
    destroy,
  };
}
