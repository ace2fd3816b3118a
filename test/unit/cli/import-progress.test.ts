import { ImportProgressLine } from '../../../src/cli/import-progress';

/** A progress line writing into `written`, on a clock the test moves. */
function line() {
  const written: string[] = [];
  let now = 10_000;
  const progress = new ImportProgressLine({ write: (text: string) => written.push(text) }, () => now);
  return { progress, written, at: (ms: number) => (now = 10_000 + ms) };
}

const update = (lines: number, conversations: number, rejected: number) => ({ lines, conversations, rejected });

describe('the progress line of threadline import', () => {
  it('redraws in place at most once a second, with lines, conversations per second and rejections', () => {
    const { progress, written, at } = line();
    at(500);
    progress.update(update(1_000, 990, 2));
    at(999);
    progress.update(update(2_000, 1_980, 2));
    at(1_000);
    progress.update(update(2_500, 2_475, 3));
    at(1_800);
    progress.update(update(4_000, 3_960, 3));
    at(2_000);
    progress.update(update(5_000, 4_950, 4));

    expect(written).toEqual([
      '\rImporting: 2,500 lines, 2,475 conversations/s, 3 rejected\u001b[K',
      '\rImporting: 5,000 lines, 2,475 conversations/s, 4 rejected\u001b[K',
    ]);
  });

  it('ends with the totals and the time taken on a line of its own', () => {
    const { progress, written, at } = line();
    at(1_200);
    progress.update(update(3_000, 3_000, 0));
    at(12_345);
    progress.update(update(30_001, 30_000, 1));
    progress.finish();

    expect(written.slice(-2)).toEqual(['\rRead 30,001 lines in 12.3 s (2,430 conversations/s), 1 rejected\u001b[K', '\n']);
  });

  it('shows nothing but the totals for an import shorter than a second', () => {
    const { progress, written, at } = line();
    at(300);
    progress.update(update(1, 1, 0));
    progress.finish();

    expect(written).toEqual(['\rRead 1 line in 0.3 s (3 conversations/s), 0 rejected\u001b[K', '\n']);
  });

  it('closes an open line before an error is printed, and adds nothing when none is open', () => {
    const { progress, written, at } = line();
    progress.end();
    expect(written).toEqual([]);
    at(1_000);
    progress.update(update(50, 50, 0));
    progress.end();
    progress.end();
    expect(written).toEqual(['\rImporting: 50 lines, 50 conversations/s, 0 rejected\u001b[K', '\n']);
  });
});
