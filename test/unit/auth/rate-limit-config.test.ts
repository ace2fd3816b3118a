import { RATE_LIMIT_DEFAULTS, rateLimitsFrom, trustProxyFrom } from '../../../src/config';

describe('rate limit settings from the environment', () => {
  it('are on by default with the documented numbers, and shared through REDIS_URL', () => {
    expect(rateLimitsFrom({})).toEqual({ enabled: true, requestsPerWindow: 600, authFailuresPerWindow: 30, windowSeconds: 60, redisUrl: undefined });
    expect(RATE_LIMIT_DEFAULTS).toEqual({ requestsPerWindow: 600, authFailuresPerWindow: 30, windowSeconds: 60 });
    expect(rateLimitsFrom({ REDIS_URL: ' redis://127.0.0.1:6379 ' }).redisUrl).toBe('redis://127.0.0.1:6379');
  });

  it('turn off with THREADLINE_RATE_LIMIT=off and take their numbers from the environment', () => {
    expect(['off', 'OFF', 'false', '0', 'no'].map((value) => rateLimitsFrom({ THREADLINE_RATE_LIMIT: value }).enabled)).toEqual([false, false, false, false, false]);
    expect(['on', 'true', '1', ''].map((value) => rateLimitsFrom({ THREADLINE_RATE_LIMIT: value }).enabled)).toEqual([true, true, true, true]);
    expect(rateLimitsFrom({ THREADLINE_RATE_LIMIT_PER_MINUTE: '1200', THREADLINE_AUTH_FAILURES_PER_MINUTE: '5' })).toMatchObject({ requestsPerWindow: 1200, authFailuresPerWindow: 5 });
  });

  it('refuse values that are not what they should be, naming the variable', () => {
    const refusal = (env: Record<string, string>) => {
      try {
        rateLimitsFrom(env);
        return 'accepted';
      } catch (error) {
        return (error as Error).message;
      }
    };
    expect([
      refusal({ THREADLINE_RATE_LIMIT: 'sometimes' }),
      refusal({ THREADLINE_RATE_LIMIT_PER_MINUTE: '0' }),
      refusal({ THREADLINE_AUTH_FAILURES_PER_MINUTE: 'many' }),
    ]).toEqual([
      'THREADLINE_RATE_LIMIT must be "on" or "off", got "sometimes"',
      'THREADLINE_RATE_LIMIT_PER_MINUTE must be a positive integer, got "0"',
      'THREADLINE_AUTH_FAILURES_PER_MINUTE must be a positive integer, got "many"',
    ]);
  });

  it('read which proxies to trust for the client address', () => {
    expect([{}, { THREADLINE_TRUST_PROXY: 'true' }, { THREADLINE_TRUST_PROXY: '2' }, { THREADLINE_TRUST_PROXY: 'loopback, 10.0.0.0/8' }].map(trustProxyFrom)).toEqual([
      false,
      true,
      2,
      'loopback, 10.0.0.0/8',
    ]);
  });
});
