import { Readable } from 'node:stream';
import { Database } from '../db/database';
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
}

/**
 * Streams NDJSON (one conversation per line) into an account in constant memory: lines are
 * validated one by one and written in batched transactions. Blank lines are skipped; a bad line is
 * rejected with its 1-based number and the reason, and the others are imported.
 * While one batch is being written the next one is parsed and validated (MariaDB works in another
 * process meanwhile); batches are still written one after another, in file order.
 */
export async function importNdjson(db: Database, accountId: number, input: Readable, options: ImportOptions = {}): Promise<ImportReport> {
  const { batchSize = DEFAULT_BATCH_SIZE, onProgress, maxLineBytes = DEFAULT_MAX_LINE_BYTES } = options;
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
  try {
    for await (const read of ndjsonLines(input, maxLineBytes)) {
      line = read.line;
      // Buffered lines arrive as already-resolved promises: without a turn of the event loop now
      // and then, the database's answers would wait until the whole buffer is parsed.
      if (line % YIELD_EVERY_LINES === 0) {
        progress();
        await new Promise(setImmediate);
      }
      if ('error' in read) {
        conversations++;
        report.rejected.push({ line, error: read.error });
        continue;
      }
      // A byte order mark is not part of the first line's JSON.
      const text = line === 1 && read.text.charCodeAt(0) === 0xfeff ? read.text.slice(1) : read.text;
      if (text.trim() === '') continue;
      conversations++;
      const parsed = parseLine(text);
      const validation = parsed.ok ? validateConversation(parsed.value) : parsed;
      if (!validation.ok) {
        report.rejected.push({ line, error: validation.error });
        continue;
      }
      batch.push({ line, record: validation.record });
      if (batch.length >= batchSize) {
        await startWriting(batch);
        batch = [];
      }
    }
  } catch (error) {
    // Let a batch already being written finish before the caller closes the database.
    await writing.catch(() => undefined);
    throw error;
  }
  if (batch.length > 0) await startWriting(batch);
  await writing;
  progress();
  // Rejections found while parsing and those of failed writes arrive interleaved.
  report.rejected.sort((a, b) => a.line - b.line);
  countConversations('import', report);
  return report;
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

function parseLine(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
}

function add(total: ImportSummary, part: ImportSummary): void {
  total.imported += part.imported;
  total.updated += part.updated;
  total.unchanged += part.unchanged;
}
