import { BestEffortRedis } from '../../db/redis';

/**
 * The shared tier of the report cache: with several server processes behind one load balancer, a
 * report one process computed is answered by all. Every Redis failure reads as a miss or a skipped
 * write (see BestEffortRedis), and reports are computed as if there were no Redis.
 */
export interface RedisStoreOptions {
  /** Prepended to every key: deployments (and test runs) sharing one Redis keep apart. */
  keyPrefix?: string;
  /** Entries expire after this long: keys of superseded data versions are never read again. */
  ttlSeconds: number;
  log?: (message: string) => void;
}

export class RedisStore {
  private readonly redis: BestEffortRedis;

  constructor(url: string, private readonly options: RedisStoreOptions) {
    this.redis = new BestEffortRedis(url, { keyPrefix: options.keyPrefix, role: 'report cache', meanwhile: 'computing reports without it', log: options.log });
  }

  async get(key: string): Promise<string | undefined> {
    return this.redis.attempt(async (client) => (await client.get(key)) ?? undefined, undefined);
  }

  async set(key: string, value: string): Promise<void> {
    await this.redis.attempt(async (client) => void (await client.set(key, value, 'EX', this.options.ttlSeconds)), undefined);
  }

  close(): Promise<void> {
    return this.redis.close();
  }
}
