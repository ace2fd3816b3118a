import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
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
  /** The web app's page and when it was written. */
  const app = () => ({ page: readFileSync(join(dir, 'dist', 'web', 'index.html'), 'utf8'), mtimeMs: statSync(join(dir, 'dist', 'web', 'index.html')).mtimeMs });

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'threadline-start-'));
    for (const file of ['package.json', 'tsconfig.json', 'tsconfig.build.json']) copyFileSync(join(ROOT, file), join(dir, file));
    cpSync(join(ROOT, 'web'), join(dir, 'web'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'src'));
    writeSource("export const greeting = 'hello';\n", -120);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('compiles a tree that was never built, the web app too', () => {
    const result = prestart();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(built().text).toContain("'hello'");
    expect(app().page).toContain('<div id="root"></div>');
  });

  it('compiles nothing when no source changed, and leaves the web app as it is', () => {
    const before = built();
    const page = app();
    const result = prestart();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(built()).toEqual(before);
    expect(app()).toEqual(page);
    expect(result.stdout).toContain('web app: dist/web is up to date');
  });

  it('builds the web app again when a file of web/ changed', () => {
    const index = join(dir, 'web', 'index.html');
    writeFileSync(index, readFileSync(index, 'utf8').replace('<title>Threadline</title>', '<title>Threadline!</title>'));
    const result = prestart();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(app().page).toContain('<title>Threadline!</title>');
  });

  it('compiles again when a source changed', () => {
    // As an editor saving it after the build.
    writeSource("export const greeting = 'hallo';\n", 2);
    const result = prestart();
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(built().text).toContain("'hallo'");
  });
});
