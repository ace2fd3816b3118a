import Redis from 'ioredis';
import { rootLogger } from '../log';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitConfig } from '../config';
import { RateLimited } from '../errors';

/**
 * The request budgets of one server: per API token (by its public id), and per client address for
 * requests with an unknown, revoked or expired token. With a Redis URL every server process on that
 * Redis spends the same budgets; while Redis is unreachable each process counts on its own
 * (rate-limiter-flexible's insurance limiter) rather than refusing or letting everything through.
 */
export class RateLimits {
  private constructor(
    private readonly config: RateLimitConfig,
    private readonly perToken: RateLimiterAbstract,
    private readonly failures: RateLimiterAbstract,
    private readonly redis: Redis | null,
  ) {}

  /** The limits `config` asks for, connected to Redis when it names one; null when they are off. */
  static async start(config: RateLimitConfig, log: (message: string) => void = (message) => rootLogger().warn(message)): Promise<RateLimits | null> {
    if (!config.enabled) return null;
    const redis = config.redisUrl ? await connect(config.redisUrl, log) : null;
    const limiter = (name: string, points: number) => {
      const options = { keyPrefix: `${config.redisKeyPrefix ?? 'threadline'}:rate-limit:${name}`, points, duration: config.windowSeconds };
      const memory = new RateLimiterMemory(options);
      return redis ? new RateLimiterRedis({ ...options, storeClient: redis, rejectIfRedisNotReady: true, insuranceLimiter: memory }) : memory;
    };
    return new RateLimits(config, limiter('token', config.requestsPerWindow), limiter('auth-failure', config.authFailuresPerWindow), redis);
  }

  /**
   * Refuses, before its token is even looked up, a client address that has used up its failed
   * authentications: someone trying tokens learns nothing more until the window ends.
   */
  async admitAddress(address: string): Promise<void> {
    const spent = await this.failures.get(address).catch(() => null);
    if (spent && spent.consumedPoints >= this.config.authFailuresPerWindow) throw this.tooManyFailures(spent);
  }

  /** Counts a request whose token was refused; the one over the budget is answered RATE_LIMITED instead. */
  async failedAuthentication(address: string): Promise<void> {
    const over = await spend(this.failures, address);
    if (over) throw this.tooManyFailures(over);
  }

  /** Counts a request of an authenticated token; RATE_LIMITED once its budget for the window is spent. */
  async request(tokenId: string): Promise<void> {
    const over = await spend(this.perToken, tokenId);
    if (over) {
      const seconds = retryAfter(over);
      throw new RateLimited(
        `Rate limit: this API token may make ${this.config.requestsPerWindow} requests per ${this.window()}; retry in ${seconds} s.`,
        seconds,
      );
    }
  }

  async close(): Promise<void> {
    if (this.redis?.status === 'ready') await this.redis.quit().catch(() => undefined);
    this.redis?.disconnect();
  }

  private tooManyFailures(spent: RateLimiterRes): RateLimited {
    const seconds = retryAfter(spent);
    return new RateLimited(
      `Too many requests with an invalid API token from your address (at most ${this.config.authFailuresPerWindow} per ${this.window()}); retry in ${seconds} s.`,
      seconds,
    );
  }

  private window(): string {
    return this.config.windowSeconds === 60 ? 'minute' : `${this.config.windowSeconds} seconds`;
  }
}

/** Spends one point of `key`: null while within the budget, the limiter's state once over it. */
async function spend(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
  try {
    await limiter.consume(key);
    return null;
  } catch (rejection) {
    // A rejection that is no RateLimiterRes is the store failing: a limit never takes the API down.
    return rejection instanceof RateLimiterRes ? rejection : null;
  }
}

function retryAfter(state: RateLimiterRes): number {
  return Math.max(1, Math.ceil(state.msBeforeNext / 1000));
}

/** Connects before the first request, so that request already spends the shared budget. */
async function connect(url: string, log: (message: string) => void): Promise<Redis> {
  let failing = false;
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 1000,
    commandTimeout: 500,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    disconnectTimeout: 100,
  });
  redis.on('error', (error: Error) => {
    if (failing) return;
    failing = true;
    log(`rate limits: Redis unavailable (${error.message}); each server process counts on its own until it is back`);
  });
  redis.on('ready', () => (failing = false));
  await redis.connect().catch(() => undefined);
  return redis;
}
