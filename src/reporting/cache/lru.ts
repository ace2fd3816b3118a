/**
 * The in-process tier of the report cache: a least-recently-used map of serialised reports,
 * bounded by entry count and by approximate bytes so that a server keeps well inside its memory
 * budget however large the cached reports are. Values are JSON text, so their size is known when
 * they are stored and no caller can alter a cached report through an object it was handed.
 */
export interface LruLimits {
  maxEntries: number;
  /** Approximate: V8 keeps a string in one or two bytes per character; this counts two. */
  maxBytes: number;
}

/** Map and string headers of one entry, roughly. */
const ENTRY_OVERHEAD_BYTES = 100;

export class LruStore {
  /** A Map iterates in insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, string>();
  private bytes = 0;

  constructor(private readonly limits: LruLimits) {}

  get(key: string): string | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value`, evicting the least recently used entries beyond the limits; a value larger than all of them is not kept. */
  set(key: string, value: string): void {
    this.delete(key);
    const size = sizeOf(key, value);
    if (size > this.limits.maxBytes || this.limits.maxEntries < 1) return;
    this.entries.set(key, value);
    this.bytes += size;
    for (const oldest of this.entries.keys()) {
      if (this.entries.size <= this.limits.maxEntries && this.bytes <= this.limits.maxBytes) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const value = this.entries.get(key);
    if (value === undefined) return;
    this.entries.delete(key);
    this.bytes -= sizeOf(key, value);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The approximate bytes held, as counted against `maxBytes`. */
  get byteSize(): number {
    return this.bytes;
  }
}

function sizeOf(key: string, value: string): number {
  return 2 * (key.length + value.length) + ENTRY_OVERHEAD_BYTES;
}
