import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import { settings } from '../config';
import { Database } from '../db/database';
import { ParsedLine, parseLines, ReadLine } from './import-worker';
import { DEFAULT_MAX_LINE_BYTES, ndjsonLines } from './lines';
import { ConversationRecord } from './record';
import { validateConversation } from './validate';
import { writeConversations } from './writer';
import { countConversations } from '../metrics';

/**
 * Every accepted line (or ingested object) counts once, as if written in turn: a line whose id is
 * not stored yet is imported, one that changes the stored conversation updated, one identical to
 * it unchanged. So imported + updated + unchanged + rejected is the number of non-blank lines,
 * whatever the batch size.
 */
export interface ImportSummary {
  imported: number;
  updated: number;
  unchanged: number;
}

export interface ImportReport extends ImportSummary {
  rejected: { line: number; error: string }[];
}

export interface IngestReport extends ImportSummary {
  rejected: { index: number; error: string }[];
}

export const DEFAULT_BATCH_SIZE = 1000;
const YIELD_EVERY_LINES = 50;
/** Lines are handed to a parser thread in chunks of at most this many lines or bytes (whichever comes first). */
const CHUNK_LINES = 200;
const CHUNK_BYTES = 1024 * 1024;
/** Chunks handed on and not yet taken back, per parser thread: what bounds the import's memory. */
const CHUNKS_IN_FLIGHT_PER_THREAD = 2;
/** The compiled worker; absent when this module runs from TypeScript sources (tests), which parse on the main thread. */
const WORKER_FILE = join(__dirname, 'import-worker.js');

/** How far an import has come: lines read (blank ones included), conversations among them, rejections so far. */
export interface ImportProgress {
  lines: number;
  conversations: number;
  rejected: number;
}

export interface ImportOptions {
  /** Conversations per transaction. */
  batchSize?: number;
  /** Called every few dozen lines and once at the end; cheap callers only (it runs on the import's path). */
  onProgress?: (progress: ImportProgress) => void;
  /** Lines longer than this many bytes are rejected without being read (default 1 MiB). */
  maxLineBytes?: number;
  /**
   * Worker threads that parse and validate lines while this thread writes; 0 parses here.
   * Default: THREADLINE_IMPORT_THREADS, else two fewer than the cores, at most 4 (see importThreadsFrom in config).
   */
  threads?: number;
}

/**
 * Streams NDJSON (one conversation per line) into an account in constant memory: lines are
 * validated one by one and written in batched transactions. Blank lines are skipped; a bad line is
 * rejected with its 1-based number and the reason, and the others are imported.
 * Lines are parsed and validated on worker threads (`threads`), in chunks, while this thread
 * writes: at most a few chunks are in flight, so memory stays constant whatever the file's size.
 * Results are taken back in file order, and batches are written one after another, in file order.
 */
export async function importNdjson(db: Database, accountId: number, input: Readable, options: ImportOptions = {}): Promise<ImportReport> {
  const { batchSize = DEFAULT_BATCH_SIZE, onProgress, maxLineBytes = DEFAULT_MAX_LINE_BYTES } = options;
  const threads = options.threads ?? settings().importThreads;
  const report: ImportReport = { imported: 0, updated: 0, unchanged: 0, rejected: [] };
  const flush = async (batch: { line: number; record: ConversationRecord }[]) => {
    const result = await writeConversations(db, accountId, batch.map((b) => b.record));
    add(report, result);
    for (const failure of result.failed) report.rejected.push({ line: batch[failure.index].line, error: failure.error });
  };
  let writing: Promise<void> = Promise.resolve();
  const startWriting = async (batch: { line: number; record: ConversationRecord }[]) => {
    await writing;
    writing = flush(batch);
    // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
  };
  let batch: { line: number; record: ConversationRecord }[] = [];
  let line = 0;
  let conversations = 0;
  const progress = () => onProgress?.({ lines: line, conversations, rejected: report.rejected.length });
  /** Takes one chunk's results, in file order, into the batch; writes full batches. */
  const take = async (parsed: ParsedLine[]) => {
    for (const result of parsed) {
      if ('blank' in result) continue;
      conversations++;
      if ('error' in result) {
        report.rejected.push({ line: result.line, error: result.error });
        continue;
      }
      batch.push(result);
      if (batch.length >= batchSize) {
        await startWriting(batch);
        batch = [];
      }
    }
  };
  const parser = threads > 0 && existsSync(WORKER_FILE) ? new ParserPool(threads) : null;
  const inFlight: Promise<ParsedLine[]>[] = [];
  const maxInFlight = CHUNKS_IN_FLIGHT_PER_THREAD * Math.max(1, threads);
  let chunk: ReadLine[] = [];
  let chunkBytes = 0;
  const handOn = async () => {
    if (chunk.length === 0) return;
    const lines = chunk;
    chunk = [];
    chunkBytes = 0;
    if (!parser) return take(parseLines(lines));
    inFlight.push(parser.parse(lines));
    while (inFlight.length >= maxInFlight) await take(await (inFlight.shift() as Promise<ParsedLine[]>));
  };
  try {
    for await (const read of ndjsonLines(input, maxLineBytes)) {
      line = read.line;
      // Buffered lines arrive as already-resolved promises: without a turn of the event loop now
      // and then, the database's answers would wait until the whole buffer is parsed.
      if (line % YIELD_EVERY_LINES === 0) {
        progress();
        await new Promise(setImmediate);
      }
      // A byte order mark is not part of the first line's JSON.
      const given = 'text' in read && line === 1 && read.text.charCodeAt(0) === 0xfeff ? { line, text: read.text.slice(1) } : read;
      chunk.push(given);
      chunkBytes += 'text' in given ? given.text.length : 0;
      if (chunk.length >= CHUNK_LINES || chunkBytes >= CHUNK_BYTES) await handOn();
    }
    await handOn();
    while (inFlight.length > 0) await take(await (inFlight.shift() as Promise<ParsedLine[]>));
  } catch (error) {
    // Let a batch already being written finish before the caller closes the database.
    await writing.catch(() => undefined);
    throw error;
  } finally {
    // Chunks still in flight after a failure are dropped with their threads.
    for (const pending of inFlight) pending.catch(() => undefined);
    await parser?.close();
  }
  if (batch.length > 0) await startWriting(batch);
  await writing;
  progress();
  // Rejections found while parsing and those of failed writes arrive interleaved.
  report.rejected.sort((a, b) => a.line - b.line);
  countConversations('import', report);
  return report;
}

/**
 * Worker threads that parse and validate chunks of lines. Chunks go round-robin and each thread
 * answers its own in the order received, so the caller, awaiting chunks in the order it gave them,
 * sees the file's order. A thread that fails fails every chunk it holds.
 */
class ParserPool {
  private readonly workers: { worker: Worker; pending: Map<number, { resolve: (parsed: ParsedLine[]) => void; reject: (error: Error) => void }> }[] = [];
  private next = 0;
  private id = 0;

  constructor(size: number) {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(WORKER_FILE);
      const entry = { worker, pending: new Map<number, { resolve: (parsed: ParsedLine[]) => void; reject: (error: Error) => void }>() };
      const failAll = (error: Error) => {
        for (const waiting of entry.pending.values()) waiting.reject(error);
        entry.pending.clear();
      };
      worker.on('message', (message: { id: number; parsed: ParsedLine[] }) => {
        const waiting = entry.pending.get(message.id);
        entry.pending.delete(message.id);
        waiting?.resolve(message.parsed);
      });
      worker.on('error', failAll);
      worker.on('exit', (code) => failAll(new Error(`import: a parser thread exited with code ${code}`)));
      this.workers.push(entry);
    }
  }

  parse(lines: ReadLine[]): Promise<ParsedLine[]> {
    const entry = this.workers[this.next];
    this.next = (this.next + 1) % this.workers.length;
    const id = this.id++;
    return new Promise((resolve, reject) => {
      entry.pending.set(id, { resolve, reject });
      entry.worker.postMessage({ id, lines });
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((entry) => entry.worker.terminate()));
  }
}

/** The objects of `ingestConversations`: validated like import lines, rejected by 0-based index. */
export async function ingestConversations(db: Database, accountId: number, inputs: readonly unknown[]): Promise<IngestReport> {
  const report: IngestReport = { imported: 0, updated: 0, unchanged: 0, rejected: [] };
  const valid: { index: number; record: ConversationRecord }[] = [];
  inputs.forEach((input, index) => {
    const validation = validateConversation(input);
    if (validation.ok) valid.push({ index, record: validation.record });
    else report.rejected.push({ index, error: validation.error });
  });
  if (valid.length > 0) {
    const result = await writeConversations(db, accountId, valid.map((v) => v.record));
    add(report, result);
    for (const failure of result.failed) report.rejected.push({ index: valid[failure.index].index, error: failure.error });
    report.rejected.sort((a, b) => a.index - b.index);
  }
  countConversations('ingest', report);
  return report;
}

function add(total: ImportSummary, part: ImportSummary): void {
  total.imported += part.imported;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
}
