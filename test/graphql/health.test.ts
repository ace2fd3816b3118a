import { reloadSettings } from '../../src/config';
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

  beforeAll(async () => {
    database = await createTestDatabase(dialect);
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
