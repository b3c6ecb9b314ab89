/** Prints the size of the built dashboard (raw and gzip), so a build shows when the bundle grows. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = fileURLToPath(new URL('../dist', import.meta.url));
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
};
walk(dist);
let raw = 0;
let gzip = 0;
const kb = (n) => `${(n / 1024).toFixed(1)} kB`;
for (const file of files.sort()) {
  const bytes = readFileSync(file);
  const zipped = gzipSync(bytes).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(
    `  ${relative(dist, file).padEnd(40)} ${kb(bytes.length).padStart(10)}  gzip ${kb(zipped).padStart(9)}`,
  );
}
console.log(`dashboard built in frontend/dist: ${files.length} files, ${kb(raw)} (${kb(gzip)} gzip)`);
