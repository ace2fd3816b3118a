import { parentPort } from 'node:worker_threads';
import { ConversationRecord } from './record';
import { validateConversation } from './validate';

/** A line as the reader hands it on: its text, or why it was not read (too long, not UTF-8). */
export type ReadLine = { line: number; text: string } | { line: number; error: string };

/** What became of one line: blank (skipped), rejected with the reason, or a valid conversation. */
export type ParsedLine = { line: number; blank: true } | { line: number; error: string } | { line: number; record: ConversationRecord };

/** Parses and validates lines in file order; the same on a worker thread and on the main thread. */
export function parseLines(lines: readonly ReadLine[]): ParsedLine[] {
  return lines.map((read) => {
    if ('error' in read) return read;
    const { line, text } = read;
    if (text.trim() === '') return { line, blank: true };
    const parsed = parseJson(text);
    const validation = parsed.ok ? validateConversation(parsed.value) : parsed;
    return validation.ok ? { line, record: validation.record } : { line, error: validation.error };
  });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false; error: string } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, error: `not valid JSON (${(error as Error).message})` };
  }
}

/** As a worker thread (import.ts starts it): answers each chunk of lines, in the order received. */
if (parentPort) {
  const port = parentPort;
  port.on('message', (message: { id: number; lines: ReadLine[] }) => {
    port.postMessage({ id: message.id, parsed: parseLines(message.lines) });
  });
}
