import { LruStore } from '../../../src/reporting/cache/lru';

/** Bytes the store counts for one entry (two per character plus a fixed overhead), measured rather than assumed. */
function entryBytes(key: string, value: string): number {
  const probe = new LruStore({ maxEntries: 1, maxBytes: Number.MAX_SAFE_INTEGER });
  probe.set(key, value);
  return probe.byteSize;
}

const keysOf = (store: LruStore, keys: string[]) => keys.filter((k) => store.get(k) !== undefined);

describe('LruStore', () => {
  it('evicts the least recently used entry beyond the entry limit; a read counts as a use', () => {
    const store = new LruStore({ maxEntries: 2, maxBytes: Number.MAX_SAFE_INTEGER });
    store.set('a', '1');
    store.set('b', '2');
    expect(store.get('a')).toBe('1');
    store.set('c', '3');
    expect(keysOf(store, ['a', 'b', 'c'])).toEqual(['a', 'c']);
    expect(store.size).toBe(2);
  });

  it('evicts by approximate bytes, oldest first, until the new entry fits', () => {
    const value = 'x'.repeat(1000);
    const one = entryBytes('k1', value);
    expect(one).toBeGreaterThanOrEqual(2000);
    const store = new LruStore({ maxEntries: 100, maxBytes: 3 * one });
    for (const key of ['k1', 'k2', 'k3']) store.set(key, value);
    expect(store.byteSize).toBe(3 * one);
    store.set('k4', value);
    expect(keysOf(store, ['k1', 'k2', 'k3', 'k4'])).toEqual(['k2', 'k3', 'k4']);
    // One large entry pushes out as many small ones as it needs.
    store.set('big', 'y'.repeat(1500));
    expect(keysOf(store, ['k2', 'k3', 'k4', 'big'])).toEqual(['k4', 'big']);
    expect(store.byteSize).toBeLessThanOrEqual(3 * one);
  });

  it('keeps no value larger than the whole budget, and drops what that key held', () => {
    const store = new LruStore({ maxEntries: 10, maxBytes: 1000 });
    store.set('report', 'small');
    store.set('report', 'z'.repeat(1000));
    expect(store.get('report')).toBeUndefined();
    expect([store.size, store.byteSize]).toEqual([0, 0]);
  });

  it('counts a replaced value once', () => {
    const store = new LruStore({ maxEntries: 10, maxBytes: 1_000_000 });
    store.set('k', 'a'.repeat(100));
    store.set('k', 'b'.repeat(10));
    expect([store.size, store.byteSize, store.get('k')]).toEqual([1, entryBytes('k', 'b'.repeat(10)), 'b'.repeat(10)]);
  });
});
