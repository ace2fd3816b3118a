import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/cli';

/**
 * `serve` and `start` run in production mode unless NODE_ENV says otherwise (bin/threadline.js):
 * graphql-js and Express skip their development checks, a measurable share of a cheap request.
 * Apollo's own development defaults (stack traces in errors, the landing page, introspection) are
 * set explicitly in src/server/apollo.ts and do not depend on it. What the process ran with is read
 * by a preloaded script when it exits.
 */
describe('production mode of the server commands', () => {
  let dir: string;
  let preload: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'threadline-mode-'));
    preload = join(dir, 'report-mode.js');
    writeFileSync(preload, "process.on('exit', () => require('node:fs').writeSync(2, `NODE_ENV=${process.env.NODE_ENV}\\n`));\n");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const modeOf = async (args: string[], env: Record<string, string> = {}) => {
    const result = await runCli(args, { databaseUrl: `sqlite:${join(dir, 'never-created.sqlite')}`, env: { NODE_OPTIONS: `--require ${preload}`, ...env } });
    return /NODE_ENV=(.*)\n/.exec(result.stderr)?.[1];
  };

  it('sets NODE_ENV=production for serve and start when it is unset', async () => {
    expect(await modeOf(['serve', '--help'])).toBe('production');
    expect(await modeOf(['start', '--help'])).toBe('production');
  });

  it('keeps a NODE_ENV that is given, and leaves other commands alone', async () => {
    expect(await modeOf(['serve', '--help'], { NODE_ENV: 'development' })).toBe('development');
    expect(await modeOf(['account', '--help'])).toBe('undefined');
  });
});
