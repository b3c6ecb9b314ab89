/**
 * Just enough YAML reading for our two compose files: each service's `command` and the keys of its
 * `environment` mapping. The files are ours and written in one style (2-space indents, mapping-form
 * environment); the tests check that every service was found, so a change of style fails loudly.
 */
export interface ComposeService {
  readonly name: string;
  /** The first word of `command` (the wattwatch subcommand), or null for images that are not ours. */
  readonly command: string | null;
  readonly environment: Readonly<Record<string, string>>;
  readonly envFiles: readonly string[];
}

export function composeServices(yaml: string): ComposeService[] {
  const services: {
    name: string;
    command: string | null;
    environment: Record<string, string>;
    envFiles: string[];
  }[] = [];
  let section: 'services' | 'other' = 'other';
  let block: 'environment' | 'env_file' | null = null;
  for (const line of yaml.split('\n')) {
    if (line.trim() === '' || line.trim().startsWith('#')) continue;
    const indent = line.length - line.trimStart().length;
    const text = line.trim();
    if (indent === 0) {
      section = text === 'services:' ? 'services' : 'other';
      continue;
    }
    if (section !== 'services') continue;
    const current = services.at(-1);
    if (indent === 2) {
      services.push({ name: text.replace(/:$/, ''), command: null, environment: {}, envFiles: [] });
      block = null;
    } else if (indent === 4 && current) {
      block = text === 'environment:' ? 'environment' : text === 'env_file:' ? 'env_file' : null;
      const command = /^command: \["([^"]+)"/.exec(text);
      if (command?.[1]) current.command = command[1];
    } else if (indent === 6 && current && block === 'environment') {
      const entry = /^([A-Z][A-Z0-9_]*): ?(.*)$/.exec(text);
      if (!entry?.[1]) throw new Error(`unreadable environment line in service ${current.name}: ${text}`);
      current.environment[entry[1]] = (entry[2] ?? '').replace(/^"(.*)"$/, '$1');
    } else if (indent === 6 && current && block === 'env_file') {
      current.envFiles.push(text.replace(/^- /, ''));
    }
  }
  return services;
}

/** Variable names of an env file, commented-out examples (`# KAFKA_SSL=true`) included. */
export function envFileNames(text: string): { readonly set: Record<string, string>; readonly all: string[] } {
  const set: Record<string, string> = {};
  const all: string[] = [];
  for (const line of text.split('\n')) {
    const match = /^(#\s*)?([A-Z][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (!match?.[2]) continue;
    all.push(match[2]);
    if (!match[1]) set[match[2]] = match[3] ?? '';
  }
  return { set, all };
}
