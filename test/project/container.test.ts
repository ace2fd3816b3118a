import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEFAULT_PORT } from '../../src/cli/serve';

/**
 * The Dockerfile and compose.yaml cannot be built here (no Docker engine, and Debian packages no
 * hadolint), so their invariants are checked as text: a change that breaks one fails here.
 */
const ROOT = join(__dirname, '..', '..');
const read = (file: string) => readFileSync(join(ROOT, file), 'utf8');
const pkg = JSON.parse(read('package.json')) as { engines: { node: string }; files: string[]; allowScripts: Record<string, boolean> };

interface Instruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with line continuations joined and comments dropped, grouped by stage. */
function stages(text: string): { name: string | null; from: string; instructions: Instruction[] }[] {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const instructions = joined
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => {
      const [, keyword, args] = /^(\w+)\s+(.*)$/.exec(line) ?? [];
      return { keyword: keyword.toUpperCase(), args: args.trim() };
    });
  const result: { name: string | null; from: string; instructions: Instruction[] }[] = [];
  for (const instruction of instructions) {
    if (instruction.keyword === 'FROM') {
      const [, from, name] = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(instruction.args) ?? [];
      result.push({ name: name ?? null, from, instructions: [] });
    } else if (result.length > 0) {
      result[result.length - 1].instructions.push(instruction);
    }
  }
  return result;
}

const dockerfile = read('Dockerfile');
const all = stages(dockerfile);
const final = all[all.length - 1];
const args = (keyword: string, stage = final) => stage.instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const runs = all.flatMap((s) => args('RUN', s)).join('\n');

describe('the Dockerfile', () => {
  it('builds in stages and runs as an unprivileged user', () => {
    expect(all.length).toBeGreaterThanOrEqual(2);
    expect(all.filter((s) => s.name !== null).length).toBe(all.length);
    const users = args('USER');
    expect(users.length).toBeGreaterThan(0);
    expect(users[users.length - 1]).not.toMatch(/^(root|0)(:|$)/);
    // No compiler in the image that runs: the final stage starts from the plain Node image.
    expect(args('RUN').join('\n')).not.toMatch(/apt-get install|g\+\+/);
  });

  it('uses the Node major version package.json and .nvmrc name', () => {
    const major = /\^(\d+)\./.exec(pkg.engines.node)?.[1];
    expect(read('.nvmrc').trim()).toBe(major);
    const image = /ARG NODE_IMAGE=(\S+)/.exec(dockerfile)?.[1];
    expect(image).toMatch(new RegExp(`^node:${major}[.-]`));
    for (const stage of all) expect(['${NODE_IMAGE}', ...all.map((s) => s.name)]).toContain(stage.from);
  });

  it('installs with npm ci from the lock file, running only the install scripts allowScripts allows', () => {
    expect(runs).toMatch(/npm ci\b/);
    expect(runs).not.toMatch(/npm (install|i)\b/);
    const rebuilt = [...runs.matchAll(/npm rebuild ([^&\n]+)/g)].flatMap((m) => m[1].trim().split(/\s+/));
    const allowed = Object.entries(pkg.allowScripts).filter(([, yes]) => yes).map(([name]) => name);
    expect([...new Set(rebuilt)].sort()).toEqual(allowed.sort());
    expect(runs).toMatch(/npm ci --omit=dev/);
  });

  it('builds the server and the web app in, and ships what the package ships', () => {
    expect(runs).toMatch(/npm run build\b/);
    const copies = args('COPY').map((a) => a.split(/\s+/));
    const destinations = copies.map((parts) => parts[parts.length - 1].replace(/^\.\//, '').replace(/\/$/, ''));
    for (const file of pkg.files) expect(destinations).toContain(file.replace(/\/$/, ''));
    // What is copied from the build context exists (a renamed folder would break the image).
    for (const parts of copies.filter((p) => !p[0].startsWith('--from'))) {
      for (const source of parts.slice(0, -1).filter((p) => !p.startsWith('--'))) expect(existsSync(join(ROOT, source))).toBe(true);
    }
  });

  it('exposes the port the server listens on and checks its health there', () => {
    expect(args('EXPOSE')).toEqual([String(DEFAULT_PORT)]);
    expect(args('ENV').join(' ')).toMatch(new RegExp(`\\bPORT=${DEFAULT_PORT}\\b`));
    const [healthcheck] = args('HEALTHCHECK');
    // Liveness, not readiness: a database outage must not get the container restarted.
    expect(healthcheck).toMatch(/\/health\/live'/);
    expect(read('src/server/health.ts')).toMatch(/'\/health\/live'/);
    expect(args('ENTRYPOINT')).toEqual(['["node", "bin/threadline.js"]']);
    expect(existsSync(join(ROOT, 'bin/threadline.js'))).toBe(true);
  });

  it('leaves host builds, data and secrets out of the build context', () => {
    const ignored = read('.dockerignore').split('\n').map((l) => l.trim());
    for (const entry of ['node_modules/', 'dist/', 'data/', '.env', '.git/']) expect(ignored).toContain(entry);
  });
});

interface Service {
  image?: string;
  build?: unknown;
  command?: string[];
  ports?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

describe('compose.yaml', () => {
  const compose = parse(read('compose.yaml')) as { services: Record<string, Service>; volumes: Record<string, unknown> };
  const { threadline, mariadb, redis } = compose.services;

  it('runs Threadline, MariaDB and Redis, each with a health check', () => {
    expect(Object.keys(compose.services).sort()).toEqual(['mariadb', 'redis', 'threadline']);
    for (const [name, service] of Object.entries(compose.services)) expect({ name, check: service.healthcheck?.test?.[0] }).toEqual({ name, check: 'CMD' });
    expect(threadline.build).toBe('.');
    expect(threadline.depends_on).toEqual({ mariadb: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
  });

  it('points Threadline at its database and Redis, on the port the image exposes', () => {
    expect(threadline.environment?.DATABASE_URL).toMatch(/^mysql:\/\/[^@]+@mariadb:3306\/threadline$/);
    expect(threadline.environment?.REDIS_URL).toBe('redis://redis:6379');
    expect(threadline.environment?.PORT).toBe(String(DEFAULT_PORT));
    expect(threadline.ports?.map((p) => p.split(':').pop())).toEqual([String(DEFAULT_PORT)]);
    expect(['start', 'serve']).toContain(threadline.command?.[0]);
    expect(mariadb.environment?.MARIADB_DATABASE).toBe('threadline');
    expect(mariadb.image).toMatch(/^mariadb:/);
    expect(redis.image).toMatch(/^redis:/);
  });

  it('keeps every service\'s data in a named volume', () => {
    const mounts = (service: Service) => (service.volumes ?? []).map((v) => v.split(':'));
    expect(mounts(threadline)).toEqual([['threadline-data', '/app/data']]);
    expect(mounts(mariadb)).toEqual([['mariadb-data', '/var/lib/mysql']]);
    expect(mounts(redis)).toEqual([['redis-data', '/data']]);
    expect(Object.keys(compose.volumes).sort()).toEqual(['mariadb-data', 'redis-data', 'threadline-data']);
    expect(dockerfile).toMatch(/VOLUME \["\/app\/data"\]/);
  });
});
