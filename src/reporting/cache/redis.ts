import Redis from 'ioredis';
import { rootLogger } from '../../log';

/**
 * The shared tier of the report cache: with several server processes behind one load balancer, a
 * report one process computed is answered by all. Redis is an optimisation, never a dependency:
 * every failure (down at start, gone mid-way, slow) reads as a miss or a skipped write, is logged
 * once per outage, and reports are computed as if there were no Redis. Commands are not queued
 * while disconnected, so a dead Redis costs a report nothing but the miss.
 */
export interface RedisStoreOptions {
  /** Prepended to every key: deployments (and test runs) sharing one Redis keep apart. */
  keyPrefix?: string;
  /** Entries expire after this long: keys of superseded data versions are never read again. */
  ttlSeconds: number;
  log?: (message: string) => void;
}

/** A report is cheaper to compute than to wait this long for Redis. */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1000;

export class RedisStore {
  private readonly client: Redis;
  /** The first connection attempt: commands wait for it once, so the first request after start can hit. */
  private readonly connecting: Promise<void>;
  private failing = false;

  constructor(url: string, private readonly options: RedisStoreOptions) {
    this.client = new Redis(url, {
      keyPrefix: options.keyPrefix,
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: CONNECT_TIMEOUT_MS,
      commandTimeout: COMMAND_TIMEOUT_MS,
      retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
      // Closing while reconnecting waits this long for a socket that is already gone (2 s by default).
      disconnectTimeout: 100,
    });
    // Without a listener ioredis prints every failed reconnect; one line per outage is enough.
    this.client.on('error', (error: Error) => this.fail(error));
    this.client.on('ready', () => {
      if (this.failing) this.log(`report cache: Redis at ${redact(url)} is back`);
      this.failing = false;
    });
    this.connecting = this.client.connect().catch((error: Error) => this.fail(error));
  }

  async get(key: string): Promise<string | undefined> {
    try {
      await this.connecting;
      return (await this.client.get(key)) ?? undefined;
    } catch (error) {
      this.fail(error as Error);
      return undefined;
    }
  }

  async set(key: string, value: string): Promise<void> {
    try {
      await this.connecting;
      await this.client.set(key, value, 'EX', this.options.ttlSeconds);
    } catch (error) {
      this.fail(error as Error);
    }
  }

  async close(): Promise<void> {
    await this.connecting;
    if (this.client.status === 'ready') {
      try {
        await this.client.quit();
        return;
      } catch {
        // Gone while quitting: disconnect below.
      }
    }
    this.client.disconnect();
  }

  private fail(error: Error): void {
    if (this.failing) return;
    this.failing = true;
    this.log(`report cache: Redis unavailable (${error.message}); computing reports without it until it is back`);
  }

  private log(message: string): void {
    (this.options.log ?? ((text: string) => rootLogger().warn(text)))(message);
  }
}

/** A REDIS_URL may carry a password. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
