#!/usr/bin/env node
// Builds the web app into dist/web, unless dist/web was built from exactly these sources (web/
// and the lock file): `npm start` then starts at once. `--force` always builds.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(import.meta.url), '..', '..');
const out = join(root, 'dist', 'web');
const stamp = join(out, '.sources');

function files(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : [path];
    });
}

const hash = createHash('sha256');
const lock = join(root, 'package-lock.json');
for (const file of [...files(join(root, 'web')), ...(existsSync(lock) ? [lock] : [])]) {
  hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
}
const digest = hash.digest('hex');

if (!process.argv.includes('--force') && existsSync(join(out, 'index.html')) && existsSync(stamp) && readFileSync(stamp, 'utf8') === digest) {
  console.log('web app: dist/web is up to date');
} else {
  const { build } = await import('vite');
  await build({ configFile: join(root, 'web', 'vite.config.mts'), logLevel: 'warn' });
  writeFileSync(stamp, digest);
  console.log('web app: built into dist/web');
}
