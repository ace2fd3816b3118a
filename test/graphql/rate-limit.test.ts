import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { RateLimitConfig } from '../../src/config';
import { openDatabase } from '../../src/db/database';
import { startServer } from '../../src/server/http';
import { errorCodes, GraphQLResponse, postGraphQL, startTestApi, TestApi } from '../support/api';
import { DIALECTS } from '../support/databases';
import { itWithRedis, redisUrl } from '../support/servers';
import { AuthTypenameDocument, AuthViewerDocument } from './generated/operations';

/**
 * Per-token rate limits and the per-address limit on failed authentications. The window is an
 * hour, so no test ever crosses into the next one: nothing here depends on timing.
 */
const REDIS_URL = redisUrl();
const WINDOW_SECONDS = 3600;
const SMALL: RateLimitConfig = { enabled: true, requestsPerWindow: 3, authFailuresPerWindow: 2, windowSeconds: WINDOW_SECONDS };

function expectRateLimited(what: string, response: GraphQLResponse<unknown>, message: RegExp): void {
  expect({ what, status: response.status, codes: errorCodes(response), data: response.data ?? null }).toEqual({ what, status: 429, codes: ['RATE_LIMITED'], data: null });
  expect(response.errors![0].message).toMatch(message);
  const seconds = Number(response.retryAfter);
  expect(Number.isInteger(seconds) && seconds >= 1 && seconds <= WINDOW_SECONDS).toBe(true);
  // The body repeats Retry-After for clients that cannot read headers; the HTTP details stay out of it.
  expect(response.errors![0].extensions).toEqual({ code: 'RATE_LIMITED', retryAfter: seconds });
}

const PER_TOKEN = /^Rate limit: this API token may make 3 requests per 3600 seconds; retry in \d+ s\.$/;
const FAILURES = /^Too many requests with an invalid API token from your address \(at most 2 per 3600 seconds\); retry in \d+ s\.$/;

describe.each(DIALECTS)('rate limits on %s', (dialect) => {
  describe('in one process', () => {
    let api: TestApi;

    beforeAll(async () => {
      api = await startTestApi(dialect, {}, {}, { rateLimits: SMALL });
    });
    afterAll(() => api?.close());

    it('answers the request after the budget RATE_LIMITED with HTTP 429 and Retry-After; another token is unaffected', async () => {
      const member = await api.userToken('MEMBER');
      for (let i = 1; i <= 3; i++) expect(await api.request(AuthViewerDocument, {}, member)).toMatchObject({ status: 200, data: { viewer: { role: 'MEMBER' } } });
      expectRateLimited('4th request', await api.request(AuthViewerDocument, {}, member), PER_TOKEN);
      expectRateLimited('5th request', await api.request(AuthTypenameDocument, {}, member), PER_TOKEN);

      const other = await api.userToken('MEMBER');
      expect(await api.request(AuthViewerDocument, {}, other)).toMatchObject({ status: 200, data: { viewer: { role: 'MEMBER' } } });
    });

    it('refuses an address after its failed authentications, before looking at the token', async () => {
      const fresh = await api.userToken('MEMBER');
      for (let i = 1; i <= 2; i++) expect(errorCodes(await api.request(AuthViewerDocument, {}, `tl_guess-${i}`))).toEqual(['UNAUTHENTICATED']);
      expectRateLimited('3rd guess', await api.request(AuthViewerDocument, {}, 'tl_guess-3'), FAILURES);
      // Until the window ends nothing from that address is looked at, a valid token included:
      // whoever guesses cannot tell a hit from a miss.
      expectRateLimited('valid token from the same address', await api.request(AuthViewerDocument, {}, fresh), FAILURES);
      expect(errorCodes(await api.request(AuthViewerDocument, {}, null))).toEqual(['RATE_LIMITED']);
    });
  });

  it('counts nothing when turned off', async () => {
    const api = await startTestApi(dialect, {}, {}, { rateLimits: { ...SMALL, enabled: false } });
    try {
      for (let i = 0; i < 5; i++) expect((await api.request(AuthTypenameDocument, {})).status).toBe(200);
      for (let i = 0; i < 4; i++) expect(errorCodes(await api.request(AuthTypenameDocument, {}, 'tl_guess'))).toEqual(['UNAUTHENTICATED']);
    } finally {
      await api.close();
    }
  });

  itWithRedis('shares the budgets between two server processes on one Redis', async () => {
    const redisKeyPrefix = `threadline-test:${randomUUID()}`;
    const shared: RateLimitConfig = { ...SMALL, redisUrl: REDIS_URL, redisKeyPrefix };
    const api = await startTestApi(dialect, {}, {}, { rateLimits: shared });
    const db = await openDatabase(api.database.url);
    const second = await startServer(db, { port: 0, host: '127.0.0.1', rateLimits: shared });
    try {
      const token = await api.userToken('MEMBER');
      const on = (index: number) => (index % 2 === 0 ? api.url : second.url);
      for (let i = 0; i < 3; i++) expect((await postGraphQL(on(i), AuthTypenameDocument, {}, token)).status).toBe(200);
      expectRateLimited('4th request, on either server', await postGraphQL(on(3), AuthTypenameDocument, {}, token), PER_TOKEN);
      expectRateLimited('5th request, on the other', await postGraphQL(on(4), AuthTypenameDocument, {}, token), PER_TOKEN);

      expect(errorCodes(await postGraphQL(api.url, AuthTypenameDocument, {}, 'tl_guess-1'))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await postGraphQL(second.url, AuthTypenameDocument, {}, 'tl_guess-2'))).toEqual(['UNAUTHENTICATED']);
      expectRateLimited('3rd guess', await postGraphQL(api.url, AuthTypenameDocument, {}, 'tl_guess-3'), FAILURES);
    } finally {
      await second.close();
      await db.close();
      await api.close();
      const redis = new Redis(REDIS_URL);
      try {
        const keys = await redis.keys(`${redisKeyPrefix}*`);
        expect(keys.length).toBeGreaterThan(0);
        await redis.del(...keys);
      } finally {
        await redis.quit();
      }
    }
  });
});
