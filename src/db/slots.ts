import { QueryTimedOut } from './sqlite-readers';

/** take() found every slot held and `queued` already waiting. */
export class SlotsFull extends Error {
  constructor(readonly waiting: number) {
    super(`every slot is held and ${waiting} are waiting`);
  }
}

export interface SlotsOptions {
  /** At most this many wait; the next is refused with SlotsFull. Default: no bound. */
  queued?: number;
  /** Called with +1 when a taker starts to wait and -1 when it stops (a gauge of waiters). */
  onWait?: (change: 1 | -1) => void;
}

/**
 * At most `size` holders at once; the others wait in order. A wait longer than `limitMs` is the
 * query's time limit spent: it rejects with QueryTimedOut, like a query that ran that long.
 */
export class Slots {
  private free: number;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly size: number,
    private readonly options: SlotsOptions = {},
  ) {
    this.free = size;
  }

  /** No slot held and none waiting. */
  get idle(): boolean {
    return this.free === this.size && this.waiting.length === 0;
  }

  /** Resolves to the release of a slot (calling it again does nothing). */
  take(limitMs: number): Promise<() => void> {
    if (this.free > 0) {
      this.free--;
      return Promise.resolve(this.releaser());
    }
    if (this.waiting.length >= (this.options.queued ?? Infinity)) return Promise.reject(new SlotsFull(this.waiting.length));
    const { onWait } = this.options;
    return new Promise((resolve, reject) => {
      const turn = () => {
        clearTimeout(timer);
        onWait?.(-1);
        resolve(this.releaser());
      };
      const timer = setTimeout(() => {
        this.waiting.splice(this.waiting.indexOf(turn), 1);
        onWait?.(-1);
        reject(new QueryTimedOut(limitMs));
      }, limitMs);
      this.waiting.push(turn);
      onWait?.(1);
    });
  }

  /** Hands the slot to the next in line, or frees it; once only. */
  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiting.shift();
      if (next) next();
      else this.free++;
    };
  }
}
