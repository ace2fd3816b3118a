import { reloadSettings } from '../../src/config';
import { READY_REUSE_MS } from '../../src/server/health';
import { startServer } from '../../src/server/http';
import { itWithRedis, redisUrl } from '../support/servers';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { freePort } from '../support/cli';

async function get(url: string): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url);
  return { status: response.status, body: await response.json() };
}

/** Times vary from run to run; the shape and statuses are what a load balancer reads. */
const MS = expect.any(Number);

describe.each(DIALECTS)('health checks over HTTP (%s)', (dialect) => {
  let database: TestDatabase;
  let base: string;
  let close: () => Promise<void>;
  let readinessQueries = 0;

  beforeAll(async () => {
    database = await createTestDatabase(dialect, { onQuery: (sql) => (sql.includes('FROM migrations LIMIT 1') ? readinessQueries++ : undefined) });
    const running = await startServer(database.db, { port: 0, host: '127.0.0.1' });
    base = running.url.replace(/\/graphql$/, '');
    close = running.close;
  });
  afterAll(async () => {
    await close?.();
    await database?.drop();
  });

  it('answers live and ready without a token while the database answers', async () => {
    expect(await get(`${base}/health/live`)).toEqual({ status: 200, body: { ok: true, status: 'live' } });
    const ready = { status: 200, body: { ok: true, status: 'ready', database: { status: 'up', ms: MS }, redis: { status: 'disabled' } } };
    expect(await get(`${base}/health/ready`)).toEqual(ready);
    // The first health check's address and its {"ok":true} keep working.
    expect(await get(`${base}/healthz`)).toEqual(ready);
  });

  it('lets many callers share one readiness check rather than each take a database connection', async () => {
    await new Promise((resolve) => setTimeout(resolve, READY_REUSE_MS + 50));
    const before = readinessQueries;
    const answers = await Promise.all(Array.from({ length: 20 }, () => get(`${base}/health/ready`)));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(200));
    // One check a second at most: 20 requests on one machine take far less than 20 s.
    expect(readinessQueries - before).toBeLessThan(20);
  });

  it('tells an unauthenticated caller a failed check\'s code, never the database\'s message (names, users, hosts)', async () => {
    await new Promise((resolve) => setTimeout(resolve, READY_REUSE_MS + 50));
    await database.db.query('ALTER TABLE migrations RENAME TO migrations_away');
    try {
      const answer = await get(`${base}/health/ready`);
      expect(answer).toEqual({ status: 503, body: { ok: false, status: 'unavailable', database: { status: 'down', ms: MS, error: expect.any(String) }, redis: { status: 'disabled' } } });
      expect((answer.body as { database: { error: string } }).database.error).toMatch(/^[A-Z][A-Z0-9_]+$/);
    } finally {
      await database.db.query('ALTER TABLE migrations_away RENAME TO migrations');
    }
  });
});

describe('health checks when a dependency is gone', () => {
  it('answers 503 on ready (and healthz) but 200 on live once the database is gone', async () => {
    const database = await createTestDatabase('sqlite');
    const running = await startServer(database.db, { port: 0, host: '127.0.0.1' });
    const base = running.url.replace(/\/graphql$/, '');
    try {
      await database.db.close();
      const unavailable = { status: 503, body: { ok: false, status: 'unavailable', database: { status: 'down', ms: MS, error: expect.any(String) }, redis: { status: 'disabled' } } };
      expect(await get(`${base}/health/ready`)).toEqual(unavailable);
      expect(await get(`${base}/healthz`)).toEqual(unavailable);
      expect(await get(`${base}/health/live`)).toEqual({ status: 200, body: { ok: true, status: 'live' } });
    } finally {
      await running.close();
      await database.drop();
    }
  });

  it('reports Redis down but stays ready: the cache is an optimisation', async () => {
    const database = await createTestDatabase('sqlite');
    const previous = process.env.REDIS_URL;
    // A port nothing listens on: Redis refuses at once.
    process.env.REDIS_URL = `redis://127.0.0.1:${await freePort()}`;
    reloadSettings();
    const running = await startServer(database.db, { port: 0, host: '127.0.0.1' }).finally(() => {
      if (previous === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = previous;
      reloadSettings();
    });
    const base = running.url.replace(/\/graphql$/, '');
    try {
      expect(await get(`${base}/health/ready`)).toEqual({
        status: 200,
        body: { ok: true, status: 'ready', database: { status: 'up', ms: MS }, redis: { status: 'down', ms: MS, error: expect.any(String) } },
      });
    } finally {
      await running.close();
      await database.drop();
    }
  });

  itWithRedis('reports Redis up when it answers', async () => {
    const database = await createTestDatabase('sqlite');
    const previous = process.env.REDIS_URL;
    process.env.REDIS_URL = redisUrl();
    reloadSettings();
    const running = await startServer(database.db, { port: 0, host: '127.0.0.1' }).finally(() => {
      if (previous === undefined) delete process.env.REDIS_URL;
      else process.env.REDIS_URL = previous;
      reloadSettings();
    });
    const base = running.url.replace(/\/graphql$/, '');
    try {
      expect((await get(`${base}/health/ready`)).body).toMatchObject({ ok: true, redis: { status: 'up' } });
    } finally {
      await running.close();
      await database.drop();
    }
  });
});
