/**
 * Kafka's choice of a group's assignment protocol: among the protocols every member offers, each
 * member votes for its most preferred one and the most votes win; ties go to the candidate the
 * first member prefers. Returns null when the members share no protocol.
 */
import type { Member, ProtocolOffer } from './member.ts';

export function commonProtocols(members: Iterable<Pick<Member, 'protocols'>>): string[] | null {
  let common: string[] | null = null;
  for (const member of members) {
    const names = member.protocols.map((p) => p.name);
    common = common === null ? names : common.filter((name) => names.includes(name));
  }
  return common;
}

export function selectProtocol(members: readonly Pick<Member, 'protocols'>[]): string | null {
  const candidates = commonProtocols(members);
  if (!candidates || candidates.length === 0) return null;
  const votes = new Map<string, number>(candidates.map((name) => [name, 0]));
  for (const member of members) {
    const choice = member.protocols.find((p: ProtocolOffer) => votes.has(p.name));
    if (choice) votes.set(choice.name, (votes.get(choice.name) ?? 0) + 1);
  }
  let best: string | null = null;
  for (const name of candidates)
    if (best === null || (votes.get(name) ?? 0) > (votes.get(best) ?? 0)) best = name;
  return best;
}
