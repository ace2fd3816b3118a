import { AccountReportLimits } from '../config';
import { QueryTimeout, RateLimited } from '../errors';
import { countReportsWaiting } from '../metrics';
import { Slots, SlotsFull } from './slots';
import { QueryTimedOut } from './sqlite-readers';

/** What a refused report tells its client to wait: turns free up as reports end, usually within seconds. */
export const ACCOUNT_BUSY_RETRY_AFTER_SECONDS = 1;

/**
 * Turns of one account's reports, drill-downs, value lists and conversation pages in this process
 * (THREADLINE_ACCOUNT_REPORTS_IN_FLIGHT, docs/api.md "Slow reports"). Each runs for up to the query
 * time limit on one of few report connections (8 on MariaDB) or SQLite readers; without turns one
 * account sending many slow reports at once held all of them, and every other account's reports
 * waited behind it. An account past its limit waits in its own line, first come first served;
 * past `queued` waiting, it is refused with RATE_LIMITED. A wait counts toward the query's time
 * limit: one still waiting when the limit is up answers TIMEOUT, like a query that ran that long.
 */
export class ReportTurns {
  /** The slots of each account with a report running or waiting; an idle account's are dropped. */
  private readonly accounts = new Map<number, Slots>();

  constructor(
    private readonly limits: AccountReportLimits,
    private readonly limitMs: number,
  ) {}

  /** Runs `work` in one of the account's turns, waiting for one if they are all taken. */
  async run<T>(accountId: number, work: () => Promise<T>): Promise<T> {
    let slots = this.accounts.get(accountId);
    if (!slots) {
      slots = new Slots(this.limits.inFlight, { queued: this.limits.queued, onWait: countReportsWaiting });
      this.accounts.set(accountId, slots);
    }
    let release: () => void;
    try {
      release = await slots.take(this.limitMs);
    } catch (error) {
      throw this.refusal(error);
    }
    try {
      return await work();
    } finally {
      release();
      if (slots.idle) this.accounts.delete(accountId);
    }
  }

  private refusal(error: unknown): unknown {
    if (error instanceof QueryTimedOut) return new QueryTimeout(this.limitMs);
    if (!(error instanceof SlotsFull)) return error;
    return new RateLimited(
      `Too many reports at once: this account already has ${this.limits.inFlight} reports, drill-downs or lists running on this server and ${error.waiting} waiting; retry in ${ACCOUNT_BUSY_RETRY_AFTER_SECONDS} s.`,
      ACCOUNT_BUSY_RETRY_AFTER_SECONDS,
    );
  }
}
