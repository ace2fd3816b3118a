import { AccountReportLimits } from '../config';
import { QueryTimeout, RateLimited } from '../errors';
import { countReportsWaiting } from '../metrics';

/** What a refused report tells its client to wait: turns free up as reports end, usually within seconds. */
export const ACCOUNT_BUSY_RETRY_AFTER_SECONDS = 1;

interface AccountTurns {
  running: number;
  /** In the order they asked; each is called when a running one hands its turn on. */
  waiting: (() => void)[];
}

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
  private readonly accounts = new Map<number, AccountTurns>();

  constructor(
    private readonly limits: AccountReportLimits,
    private readonly limitMs: number,
  ) {}

  /** Runs `work` in one of the account's turns, waiting for one if they are all taken. */
  async run<T>(accountId: number, work: () => Promise<T>): Promise<T> {
    const release = await this.take(accountId);
    try {
      return await work();
    } finally {
      release();
    }
  }

  private take(accountId: number): Promise<() => void> {
    let turns = this.accounts.get(accountId);
    if (!turns) {
      turns = { running: 0, waiting: [] };
      this.accounts.set(accountId, turns);
    }
    const account = turns;
    if (account.running < this.limits.inFlight) {
      account.running++;
      return Promise.resolve(this.releaser(accountId, account));
    }
    if (account.waiting.length >= this.limits.queued) {
      return Promise.reject(
        new RateLimited(
          `Too many reports at once: this account already has ${this.limits.inFlight} reports, drill-downs or lists running on this server and ${account.waiting.length} waiting; retry in ${ACCOUNT_BUSY_RETRY_AFTER_SECONDS} s.`,
          ACCOUNT_BUSY_RETRY_AFTER_SECONDS,
        ),
      );
    }
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        countReportsWaiting(-1);
        resolve(this.releaser(accountId, account));
      };
      const timer = setTimeout(() => {
        account.waiting.splice(account.waiting.indexOf(turn), 1);
        countReportsWaiting(-1);
        reject(new QueryTimeout(this.limitMs));
      }, this.limitMs);
      account.waiting.push(turn);
      countReportsWaiting(1);
    });
  }

  /** Gives the turn to the next in line, or back to the account; once only. */
  private releaser(accountId: number, account: AccountTurns): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = account.waiting.shift();
      if (next) next();
      else if (--account.running === 0) this.accounts.delete(accountId);
    };
  }
}
