import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../src/db/database';
import { freePort, runCli, startCli } from '../support/cli';

/** Whether something accepts TCP connections at host:port. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}

/**
 * Settings as an operator meets them: every variable checked before a command does anything,
 * a server that listens on this machine only unless told otherwise, and a database file nobody
 * else may read. One store: none of this depends on it.
 */
describe('settings of the command line', () => {
  let dir: string;
  let databaseUrl: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'threadline-settings-'));
    databaseUrl = `sqlite:${join(dir, 'threadline.sqlite')}`;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('stops at a bad value with one line naming it, exit 1, no stack, before touching the database', async () => {
    const untouched = `sqlite:${join(dir, 'never', 'created.sqlite')}`;
    const one = await runCli(['serve', '--port', '0'], { databaseUrl: untouched, env: { THREADLINE_RATE_LIMIT_PER_MINUTE: 'abc', NODE_ENV: 'development' } });
    expect(one).toEqual({ status: 1, signal: null, stdout: '', stderr: 'threadline: THREADLINE_RATE_LIMIT_PER_MINUTE must be a positive integer, got "abc"\n' });
    const two = await runCli(['account', 'list'], { databaseUrl: untouched, env: { PORT: 'eighty', THREADLINE_LOG_LEVEL: 'loud', THREADLINE_DEBUG: '1' } });
    expect(two).toEqual({
      status: 1,
      signal: null,
      stdout: '',
      stderr: 'threadline: PORT must be a port number from 0 to 65535, got "eighty"\nthreadline: THREADLINE_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"\n',
    });
    expect(() => statSync(join(dir, 'never'))).toThrow();
  });

  it('serves on 127.0.0.1 only unless HOST says otherwise, and creates the SQLite file for its owner alone', async () => {
    const port = await freePort();
    const server = await startCli(['serve', '--json'], { databaseUrl, env: { PORT: String(port) } });
    try {
      const elsewhere = Object.values(networkInterfaces()).flat().find((a) => a !== undefined && a.address !== '127.0.0.1')?.address ?? '::1';
      expect([await accepts('127.0.0.1', port), await accepts(elsewhere, port)]).toEqual([true, false]);
      const file = join(dir, 'threadline.sqlite');
      expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
      expect((statSync(`${file}-wal`).mode & 0o777).toString(8)).toBe('600');
    } finally {
      await server.stop();
    }
    const everywhere = await startCli(['serve', '--json'], { databaseUrl, env: { PORT: String(port), HOST: '0.0.0.0' } });
    try {
      const other = Object.values(networkInterfaces()).flat().find((a) => a !== undefined && a.family === 'IPv4' && a.address !== '127.0.0.1')?.address;
      expect(await accepts(other ?? '127.0.0.1', port)).toBe(true);
    } finally {
      await everywhere.stop();
    }
  });

  it('creates a new SQLite database file with mode 0600 whatever the umask', async () => {
    const previous = process.umask(0o022);
    try {
      const file = join(dir, 'sub', 'fresh.sqlite');
      const db = await openDatabase(`sqlite:${file}`);
      await db.close();
      expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    } finally {
      process.umask(previous);
    }
  });
});
