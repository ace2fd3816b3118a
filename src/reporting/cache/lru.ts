/**
 * The in-process tier of the report cache: a least-recently-used map of reports, bounded by entry
 * count and by approximate bytes so that a server keeps well inside its memory budget however large
 * the cached reports are. Values are JSON text by default, whose size is known when they are
 * stored; the report cache keeps the text with a frozen copy of its parsed value, measured by the text.
 */
export interface LruLimits {
  maxEntries: number;
  /** Approximate: V8 keeps a string in one or two bytes per character; this counts two. */
  maxBytes: number;
}

/** Map and string headers of one entry, roughly. */
const ENTRY_OVERHEAD_BYTES = 100;

export class LruStore<V = string> {
  /** A Map iterates in insertion order: the first key is the least recently used. */
  private readonly entries = new Map<string, V>();
  private bytes = 0;

  /** `length`: a value's size in characters of text (a string's own length by default). */
  constructor(
    private readonly limits: LruLimits,
    private readonly length: (value: V) => number = (value) => (value as unknown as string).length,
  ) {}

  get(key: string): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores `value`, evicting the least recently used entries beyond the limits; a value larger than all of them is not kept. */
  set(key: string, value: V): void {
    this.delete(key);
    const size = this.sizeOf(key, value);
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
    this.bytes -= this.sizeOf(key, value);
  }

  get size(): number {
    return this.entries.size;
  }

  /** The approximate bytes held, as counted against `maxBytes`. */
  get byteSize(): number {
    return this.bytes;
  }

  private sizeOf(key: string, value: V): number {
    return 2 * (key.length + this.length(value)) + ENTRY_OVERHEAD_BYTES;
  }
}
