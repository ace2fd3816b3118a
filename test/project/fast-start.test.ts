import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm start` compiles first (prestart), but only what changed: a restart on a built tree must
 * not pay for a full tsc run. Checked on a small project with this one's package.json and
 * tsconfigs, so the real dist/ that the CLI tests run is never rebuilt under them.
 */
const ROOT = join(__dirname, '..', '..');

describe('npm start builds only when a source changed', () => {
  let dir: string;
  const source = () => join(dir, 'src', 'greeting.ts');
  const output = () => join(dir, 'dist', 'src', 'greeting.js');
  /** Runs the prestart script as `npm start` does. */
  const prestart = () => spawnSync('npm', ['run', '--silent', 'prestart'], { cwd: dir, encoding: 'utf8' });
  /** Writes the source, modified `seconds` from now (before or after the last build, whatever the clock's resolution). */
  const writeSource = (text: string, seconds: number) => {
    writeFileSync(source(), text);
    const when = new Date(Date.now() + seconds * 1000);
    utimesSync(source(), when, when);
  };
  const built = () => ({ text: readFileSync(output(), 'utf8'), mtimeMs: statSync(output()).mtimeMs, info: statSync(join(dir, 'dist', '.tsbuildinfo')).mtimeMs });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'threadline-start-'));
    for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) copyFileSync(join(ROOT, file), join(dir, file));
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'src'));
    writeSource("export const greeting = 'hello';\n", -120);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles a tree that was never built', () => {
    const result = prestart();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(built().text).toContain("'hello'");
  });

  it('compiles nothing when no source changed', () => {
    const before = built();
    const result = prestart();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(built()).toEqual(before);
  });

  it('compiles again when a source changed', () => {
    // As an editor saving it after the build.
    writeSource("export const greeting = 'hallo';\n", 2);
    const result = prestart();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(built().text).toContain("'hallo'");
  });
});
