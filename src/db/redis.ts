import Redis from 'ioredis';
import { rootLogger } from '../log';

/**
 * Redis as an optimisation, never a dependency (the report cache, the change stamps of tokens and
 * data): every failure (down at start, gone mid-way, slow) answers the caller's fallback, is logged
 * once per outage, and the server goes on as if there were no Redis. Commands are not queued while
 * disconnected, so a dead Redis costs a request nothing but the fallback.
 */
export interface BestEffortRedisOptions {
  /** Prepended to every key: deployments (and test runs) sharing one Redis keep apart. */
  keyPrefix?: string;
  /** What Redis serves here, for the log ("report cache"). */
  role: string;
  /** What happens without it, for the log ("computing reports without it"). */
  meanwhile: string;
  log?: (message: string) => void;
}

/** Cheaper to do without Redis than to wait longer for it. */
const COMMAND_TIMEOUT_MS = 500;
const CONNECT_TIMEOUT_MS = 1000;

export class BestEffortRedis {
  private readonly client: Redis;
  /** The first connection attempt: commands wait for it once, so the first request after start is served. */
  private readonly connecting: Promise<void>;
  private failing = false;

  constructor(url: string, private readonly options: BestEffortRedisOptions) {
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
      if (this.failing) this.log(`${options.role}: Redis at ${redact(url)} is back`);
      this.failing = false;
    });
    this.connecting = this.client.connect().catch((error: Error) => this.fail(error));
  }

  /** Runs `work` on the client once it has connected; any failure is logged (once) and answers `fallback`. */
  async attempt<T>(work: (client: Redis) => Promise<T>, fallback: T): Promise<T> {
    try {
      await this.connecting;
      return await work(this.client);
    } catch (error) {
      this.fail(error as Error);
      return fallback;
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
    this.log(`${this.options.role}: Redis unavailable (${error.message}); ${this.options.meanwhile} until it is back`);
  }

  private log(message: string): void {
    (this.options.log ?? ((text: string) => rootLogger().warn(text)))(message);
  }
}

/** A REDIS_URL may carry a password. */
function redact(url: string): string {
  return url.replace(/\/\/([^:@/]*):[^@/]*@/, '//$1:***@');
}
