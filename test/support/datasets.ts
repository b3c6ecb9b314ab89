/**
 * Where the labelled public datasets (NAB, SKAB) live: WATTWATCH_DATASETS when set, else the
 * workspace's shared/data next to the checkout, else /work/shared/data. They are not in the repo
 * (SKAB is GPL-3.0), so a missing directory is an error with instructions, not a silent skip.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

export function datasetsDir(): string {
  const root = resolve(new URL('../..', import.meta.url).pathname);
  const candidates = [process.env.WATTWATCH_DATASETS, resolve(root, '../shared/data'), '/work/shared/data'];
  const found = candidates.find((dir): dir is string => !!dir && existsSync(resolve(dir, 'nab')));
  if (!found) {
    throw new Error(
      `labelled datasets not found (looked in ${candidates.filter(Boolean).join(', ')}); ` +
        'set WATTWATCH_DATASETS to the directory holding nab/ and skab/',
    );
  }
  return found;
}
