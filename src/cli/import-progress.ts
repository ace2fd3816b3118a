import { ImportProgress } from '../conversations/import';

/** How often the progress line is redrawn, at most. */
const REDRAW_MS = 1000;

export interface ProgressOutput {
  write(text: string): unknown;
}

/**
 * The progress line of `threadline import` on a terminal's stderr: lines read, conversations per
 * second and rejections so far, redrawn in place at most once a second (a short import shows only
 * the last line), then a line with the totals and the time taken. Stdout is left alone, so `--json`
 * still prints exactly one JSON line there.
 */
export class ImportProgressLine {
  private readonly started: number;
  private lastDrawn: number;
  private last: ImportProgress = { lines: 0, conversations: 0, rejected: 0 };
  /** Whether the cursor stands at the end of a drawn line. */
  private open = false;

  constructor(
    private readonly out: ProgressOutput,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.started = clock();
    this.lastDrawn = this.started;
  }

  update(progress: ImportProgress): void {
    this.last = progress;
    const now = this.clock();
    if (now - this.lastDrawn < REDRAW_MS) return;
    this.lastDrawn = now;
    this.draw(`Importing: ${count(progress.lines, 'line')}, ${rate(progress.conversations, now - this.started)}, ${progress.rejected} rejected`);
  }

  /** The totals, on a line of their own. */
  finish(): void {
    const elapsed = this.clock() - this.started;
    const { lines, conversations, rejected } = this.last;
    this.draw(`Read ${count(lines, 'line')} in ${(elapsed / 1000).toFixed(1)} s (${rate(conversations, elapsed)}), ${rejected} rejected`);
    this.end();
  }

  /** Ends a line left open, so that an error printed next starts on a line of its own. */
  end(): void {
    if (this.open) this.out.write('\n');
    this.open = false;
  }

  private draw(text: string): void {
    // Carriage return, the text, then erase what a longer earlier line left to the right.
    this.out.write(`\r${text}\u001b[K`);
    this.open = true;
  }
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}

function rate(conversations: number, elapsedMs: number): string {
  const perSecond = elapsedMs > 0 ? Math.round((conversations * 1000) / elapsedMs) : 0;
  return `${perSecond.toLocaleString('en-US')} conversations/s`;
}
