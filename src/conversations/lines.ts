import { Readable } from 'node:stream';
import { DEFAULT_IMPORT_MAX_LINE_BYTES } from '../config';

/** The longest NDJSON line `threadline import` reads, in bytes, unless told otherwise (docs/import-format.md). */
export const DEFAULT_MAX_LINE_BYTES = DEFAULT_IMPORT_MAX_LINE_BYTES;

/** One line of the input, numbered from 1: its text, or why it was not read. */
export type InputLine = { line: number; text: string } | { line: number; error: string };

/**
 * Splits a byte stream into lines (ending in `\n` or `\r\n`) without ever holding more than
 * `maxLineBytes` of one line: the rest of a longer line is skipped as it streams past, and the line
 * is answered with an error by its number, so a 700 MB line costs no more memory than a short one
 * and the next line is read as usual. Each line is decoded as strict UTF-8: a line with bytes that
 * are not UTF-8 is answered with an error instead of having them replaced by U+FFFD.
 */
export async function* ndjsonLines(input: Readable, maxLineBytes: number = DEFAULT_MAX_LINE_BYTES): AsyncGenerator<InputLine> {
  // ignoreBOM keeps a byte order mark in the text: the caller skips it on the first line only.
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  let line = 0;
  const finish = (): InputLine => {
    line++;
    if (tooLong) return { line, error: `longer than ${maxLineBytes} bytes (the maximum line length): not read` };
    let bytes = parts.length === 1 ? parts[0] : Buffer.concat(parts, size);
    if (bytes.length > 0 && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    try {
      return { line, text: decoder.decode(bytes) };
    } catch {
      return { line, error: `not valid UTF-8 (from byte ${invalidUtf8At(bytes)} of the line)` };
    }
  };
  const take = (chunk: Buffer) => {
    if (tooLong || chunk.length === 0) return;
    if (size + chunk.length > maxLineBytes) {
      tooLong = true;
      parts = [];
      size = 0;
      return;
    }
    parts.push(chunk);
    size += chunk.length;
  };
  for await (const received of input) {
    const chunk: Buffer = typeof received === 'string' ? Buffer.from(received, 'utf8') : (received as Buffer);
    let start = 0;
    for (let end = chunk.indexOf(0x0a, start); end !== -1; end = chunk.indexOf(0x0a, start)) {
      take(chunk.subarray(start, end));
      yield finish();
      parts = [];
      size = 0;
      tooLong = false;
      start = end + 1;
    }
    take(chunk.subarray(start));
  }
  if (size > 0 || tooLong) yield finish();
}

/** The 1-based position of the first byte that does not begin or continue a valid UTF-8 character. */
function invalidUtf8At(bytes: Buffer): number {
  let low = 0;
  let high = bytes.length;
  // The longest prefix without an invalid byte, by bisection (a character cut off at the end of a
  // prefix is not an error while streaming); each probe decodes at most the whole line.
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    try {
      new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, middle), { stream: true });
      low = middle;
    } catch {
      high = middle - 1;
    }
  }
  // The prefix may end inside a character that the next byte broke off: point at where it began.
  let start = low;
  try {
    new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes.subarray(0, low));
  } catch {
    while (start > 0 && low - start < 3 && (bytes[start - 1] & 0xc0) === 0x80) start--;
    if (start > 0) start--;
  }
  return Math.min(start + 1, bytes.length);
}
