import { QueryTimeout, RateLimited } from '../../../src/errors';
import { ReportTurns } from '../../../src/db/report-turns';

/** A report that runs until the test ends it. */
function aReport(): { work: () => Promise<string>; end: (value: string) => void; started: () => boolean } {
  let end: (value: string) => void = () => undefined;
  let started = false;
  const result = new Promise<string>((resolve) => (end = resolve));
  return {
    work: () => {
      started = true;
      return result;
    },
    end: (value) => end(value),
    started: () => started,
  };
}

describe('turns of one account\'s reports', () => {
  it('run the first ones at once, queue the next ones in order, refuse past the line, and never hold up another account', async () => {
    const turns = new ReportTurns({ inFlight: 2, queued: 2 }, 60_000);
    const [a1, a2, a3, a4] = [aReport(), aReport(), aReport(), aReport()];
    const answers = [turns.run(1, a1.work), turns.run(1, a2.work), turns.run(1, a3.work), turns.run(1, a4.work)];
    await Promise.resolve();
    expect([a1, a2, a3, a4].map((r) => r.started())).toEqual([true, true, false, false]);

    const refused = turns.run(1, async () => 'never');
    await expect(refused).rejects.toBeInstanceOf(RateLimited);
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'RATE_LIMITED', retryAfter: 1 } });
    // Another account has turns of its own.
    expect(await turns.run(2, async () => 'other account')).toBe('other account');

    a2.end('a2');
    expect(await answers[1]).toBe('a2');
    expect([a3, a4].map((r) => r.started())).toEqual([true, false]);
    a1.end('a1');
    a3.end('a3');
    expect(await answers[2]).toBe('a3');
    expect(a4.started()).toBe(true);
    a4.end('a4');
    expect(await Promise.all(answers)).toEqual(['a1', 'a2', 'a3', 'a4']);
  });

  it('count a wait toward the query time limit: one still waiting when it is up answers TIMEOUT and leaves the line', async () => {
    const turns = new ReportTurns({ inFlight: 1, queued: 1 }, 200);
    const running = aReport();
    const first = turns.run(7, running.work);

    await expect(turns.run(7, async () => 'never')).rejects.toEqual(new QueryTimeout(200));
    // The line is empty again: the next one waits (rather than being refused) and runs once the turn is free.
    const next = turns.run(7, async () => 'next');
    running.end('first');
    expect(await Promise.all([first, next])).toEqual(['first', 'next']);
  });

  it('give the turn back when a report fails', async () => {
    const turns = new ReportTurns({ inFlight: 1, queued: 0 }, 60_000);
    await expect(turns.run(1, async () => Promise.reject(new Error('bad SQL')))).rejects.toThrow('bad SQL');
    expect(await turns.run(1, async () => 'ok')).toBe('ok');
  });
});
