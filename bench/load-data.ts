import { createReadStream, createWriteStream, WriteStream } from 'node:fs';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { toDbInstant } from '../src/db/database';
import { validateConversation } from '../src/conversations/validate';
import { connect } from './database';

/**
 * The import's baseline: the same conversations as the importer stores them (the row values come
 * from the importer's own validation, so both write identical rows), written once to
 * tab-separated files and bulk-loaded with `LOAD DATA LOCAL INFILE`, the fastest way into
 * MariaDB there is. Only the LOAD DATA statements are timed. Loaded: the `conversations`,
 * `messages` and `conversation_properties` rows (not the handful of directory rows, nor the
 * importer's reading, validation and de-duplication, which are part of what the import costs).
 */
export const LOAD_DATA_TABLES = ['conversations', 'messages', 'conversation_properties'] as const;
type Table = (typeof LOAD_DATA_TABLES)[number];

const COLUMNS: Record<Table, readonly string[]> = {
  conversations: [
    'account_id', 'external_id', 'channel', 'status', 'inbox_id', 'assignee_id', 'team_id', 'chatflow_id',
    'page_url', 'subject', 'contact_email', 'contact_name', 'created_at', 'closed_at', 'first_response_at',
    'first_response_ms', 'time_to_close_ms', 'message_count', 'content_hash', 'updated_at',
  ],
  messages: ['account_id', 'conversation_id', 'position', 'external_id', 'sender', 'agent_id', 'sent_at'],
  conversation_properties: ['account_id', 'conversation_id', 'name', 'value_text', 'value_number'],
};

export interface LoadDataFigures {
  conversations: number;
  rows: Record<Table, number>;
  /** Seconds of the LOAD DATA statements together. */
  seconds: number;
  conversationsPerSecond: number;
  loads: string;
}

/** Writes the TSV files of an NDJSON file's conversations for `accountId`; returns the row counts. */
export async function writeTsvFiles(ndjson: string, dir: string, accountId: number): Promise<{ files: Record<Table, string>; rows: Record<Table, number> }> {
  const files = Object.fromEntries(LOAD_DATA_TABLES.map((t) => [t, join(dir, `${t}.tsv`)])) as Record<Table, string>;
  const rows = Object.fromEntries(LOAD_DATA_TABLES.map((t) => [t, 0])) as Record<Table, number>;
  const out = Object.fromEntries(LOAD_DATA_TABLES.map((t) => [t, createWriteStream(files[t])])) as Record<Table, WriteStream>;
  const write = async (table: Table, values: unknown[]) => {
    rows[table]++;
    if (!out[table].write(`${values.map(tsvValue).join('\t')}\n`)) await once(out[table], 'drain');
  };
  const now = new Date();
  let line = 0;
  for await (const text of createInterface({ input: createReadStream(ndjson), crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    const validation = validateConversation(JSON.parse(text));
    if (!validation.ok) throw new Error(`line ${line} of ${ndjson} is not valid: ${validation.error}`);
    const r = validation.record;
    await write('conversations', [
      accountId, r.externalId, r.channel, r.status, r.inbox.id, r.assignee?.id ?? null, r.team?.id ?? null,
      r.chatflow?.id ?? null, r.pageUrl, r.subject, r.contactEmail, r.contactName, r.createdAt, r.closedAt,
      r.firstResponseAt, r.firstResponseMs, r.timeToCloseMs, r.messages.length, r.contentHash, now,
    ]);
    for (const [position, m] of r.messages.entries()) await write('messages', [accountId, r.externalId, position, m.externalId, m.sender, m.agentId, m.sentAt]);
    for (const p of r.properties) await write('conversation_properties', [accountId, r.externalId, p.name, p.text, p.number]);
  }
  await Promise.all(LOAD_DATA_TABLES.map(async (t) => {
    out[t].end();
    await once(out[t], 'finish');
  }));
  return { files, rows };
}

/** MariaDB's default LOAD DATA format: tab-separated, backslash escapes, \N for NULL. */
function tsvValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  if (value instanceof Date) return toDbInstant(value);
  if (typeof value === 'number') return String(value);
  return String(value).replace(/[\\\t\n\r\0]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r', '\0': '\\0' })[c] as string);
}

/** Loads the files into the database of `url` (already migrated), timing only the LOAD DATA statements. */
export async function loadData(url: string, files: Record<Table, string>, rows: Record<Table, number>): Promise<LoadDataFigures> {
  const connection = await connect(url);
  try {
    await enableLocalInfile(connection);
    let seconds = 0;
    for (const table of LOAD_DATA_TABLES) {
      const started = process.hrtime.bigint();
      const [result] = await connection.query({
        sql: `LOAD DATA LOCAL INFILE ? INTO TABLE ${table} CHARACTER SET utf8mb4 (${COLUMNS[table].join(', ')})`,
        values: [files[table]],
        infileStreamFactory: (path: string) => createReadStream(path),
      });
      seconds += Number(process.hrtime.bigint() - started) / 1e9;
      const affected = (result as { affectedRows?: number }).affectedRows;
      if (affected !== rows[table]) throw new Error(`LOAD DATA into ${table} stored ${affected} rows, expected ${rows[table]}`);
    }
    return {
      conversations: rows.conversations,
      rows,
      seconds,
      conversationsPerSecond: rows.conversations / seconds,
      loads: `${LOAD_DATA_TABLES.join(' + ')} rows (${LOAD_DATA_TABLES.map((t) => rows[t]).join(' + ')})`,
    };
  } finally {
    await connection.end();
  }
}

/** LOAD DATA LOCAL needs the server's local_infile; root may switch it on for the server. */
async function enableLocalInfile(connection: Awaited<ReturnType<typeof connect>>): Promise<void> {
  const [rows] = await connection.query('SELECT @@local_infile AS on_');
  if (Number((rows as { on_: unknown }[])[0]?.on_) === 1) return;
  try {
    await connection.query('SET GLOBAL local_infile = 1');
  } catch (error) {
    throw new Error(`LOAD DATA LOCAL INFILE is disabled on the server (local_infile=OFF) and could not be enabled: ${(error as Error).message}`);
  }
}
