import { Readable } from 'node:stream';
import { createAccount } from '../../src/accounts/accounts';
import { importNdjson, ingestConversations } from '../../src/conversations/import';
import { Database, textOf, toNumber, Transaction } from '../../src/db/database';
import { createLogger, setRootLogger } from '../../src/log';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { aConversation, IMPORT_EXAMPLE, NAMED_REFS, REFS_BY_ID, toNdjson } from '../support/fixtures';

type Obj = Record<string, unknown>;


/** NDJSON text as a byte stream cut into small chunks, so lines (and characters) span chunks. */
function ndjsonStream(text: string, chunkBytes = 7): Readable {
  const bytes = Buffer.from(text, 'utf8');
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkBytes) chunks.push(bytes.subarray(i, i + chunkBytes));
  return Readable.from(chunks);
}

describe.each(DIALECTS)('import on %s', (dialect) => {
  let testDb: TestDatabase;
  let db: Database;
  let accountId: number;

  beforeAll(async () => {
    testDb = await createTestDatabase(dialect);
    db = testDb.db;
  });
  afterAll(async () => {
    await testDb?.drop();
  });
  beforeEach(async () => {
    accountId = await newAccount();
  });

  const newAccount = async () => (await createAccount(db, { name: 'Acme', plan: 'PROFESSIONAL' })).id;
  const importText = (text: string, options: { account?: number; batchSize?: number; into?: Database } = {}) =>
    importNdjson(options.into ?? db, options.account ?? accountId, ndjsonStream(text), { batchSize: options.batchSize });
  const importObjects = (objects: unknown[], options: { account?: number; batchSize?: number } = {}) => importText(toNdjson(objects), options);

  /** Conversations as stored, every instant as the text the database holds. */
  async function conversations(account = accountId): Promise<Obj[]> {
    const rows = await db.query<Obj>(
      `SELECT external_id, channel, status, inbox_id, assignee_id, team_id, chatflow_id, page_url, subject, contact_email, contact_name,
              CAST(created_at AS CHAR) AS created_at, CAST(closed_at AS CHAR) AS closed_at, CAST(first_response_at AS CHAR) AS first_response_at,
              first_response_ms, time_to_close_ms, message_count
         FROM conversations WHERE account_id = ? ORDER BY external_id`,
      [account],
    );
    return rows.map((r) => ({ ...r, first_response_ms: toNumber(r.first_response_ms), time_to_close_ms: toNumber(r.time_to_close_ms), message_count: toNumber(r.message_count) }));
  }

  async function messages(conversationId: string, account = accountId): Promise<Obj[]> {
    const rows = await db.query<Obj>(
      `SELECT position, external_id, sender, agent_id, CAST(sent_at AS CHAR) AS sent_at FROM messages
        WHERE account_id = ? AND conversation_id = ? ORDER BY position`,
      [account, conversationId],
    );
    return rows.map((r) => ({ ...r, position: toNumber(r.position) }));
  }

  async function properties(conversationId: string, account = accountId): Promise<Obj[]> {
    const rows = await db.query<Obj>(
      'SELECT name, value_text, value_number FROM conversation_properties WHERE account_id = ? AND conversation_id = ? ORDER BY name',
      [account, conversationId],
    );
    return rows.map((r) => ({ ...r, value_number: toNumber(r.value_number) }));
  }

  async function rowCounts(conversationId: string, account = accountId): Promise<number[]> {
    const counts: number[] = [];
    for (const table of ['conversations', 'messages', 'conversation_properties']) {
      const column = table === 'conversations' ? 'external_id' : 'conversation_id';
      const [row] = await db.query<{ n: unknown }>(`SELECT COUNT(*) AS n FROM ${table} WHERE account_id = ? AND ${column} = ?`, [account, conversationId]);
      counts.push(toNumber(row.n) ?? -1);
    }
    return counts;
  }

  async function directory(table: 'agents' | 'inboxes' | 'teams' | 'chatflows', account = accountId): Promise<Obj[]> {
    const email = table === 'agents' ? ', email' : '';
    return db.query<Obj>(`SELECT external_id, name${email} FROM ${table} WHERE account_id = ? ORDER BY external_id`, [account]);
  }

  const customProperties = (account = accountId) =>
    db.query<Obj>('SELECT name, type FROM custom_properties WHERE account_id = ? ORDER BY name', [account]);

  async function dataVersion(account = accountId): Promise<number | null> {
    const [row] = await db.query<{ data_version: unknown }>('SELECT data_version FROM accounts WHERE id = ?', [account]);
    return toNumber(row.data_version);
  }

  describe('storing', () => {
    it('stores the example of the contract exactly', async () => {
      expect(await importObjects([IMPORT_EXAMPLE])).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: [] });
      expect(await conversations()).toEqual([{
        external_id: 'c-1001', channel: 'CHAT', status: 'CLOSED', inbox_id: 'support', assignee_id: 'u-7', team_id: 't-1',
        chatflow_id: 'cf-2', page_url: 'https://example.com/pricing', subject: 'Question about plans',
        contact_email: 'visitor@example.org', contact_name: null,
        created_at: '2026-03-01 09:15:00.000', closed_at: '2026-03-01 10:02:10.000', first_response_at: '2026-03-01 09:17:30.000',
        first_response_ms: 150_000, time_to_close_ms: 2_830_000, message_count: 3,
      }]);
      expect(await messages('c-1001')).toEqual([
        { position: 0, external_id: 'm1', sender: 'VISITOR', agent_id: null, sent_at: '2026-03-01 09:15:00.000' },
        { position: 1, external_id: 'm2', sender: 'BOT', agent_id: null, sent_at: '2026-03-01 09:15:02.000' },
        { position: 2, external_id: 'm3', sender: 'AGENT', agent_id: 'u-7', sent_at: '2026-03-01 09:17:30.000' },
      ]);
      expect(await properties('c-1001')).toEqual([{ name: 'priority', value_text: 'high', value_number: null }]);
      expect(await directory('agents')).toEqual([{ external_id: 'u-7', name: 'Ada Lovelace', email: 'ada@example.com' }]);
      expect(await directory('inboxes')).toEqual([{ external_id: 'support', name: 'Support' }]);
      expect(await directory('teams')).toEqual([{ external_id: 't-1', name: 'Tier 1' }]);
      expect(await directory('chatflows')).toEqual([{ external_id: 'cf-2', name: 'Pricing bot' }]);
    });

    it('round-trips instants to the millisecond in UTC, with messages in sentAt order', async () => {
      await importObjects([aConversation({
        id: 'c-ms', channel: 'EMAIL', status: 'CLOSED',
        createdAt: '2026-03-01T10:15:00.001+01:00',
        closedAt: '2026-03-29T03:30:00.9999999+02:00',
        messages: [
          { id: 'late', from: 'AGENT', agentId: 'u-7', sentAt: '2026-03-01T09:45:00.5Z' },
          { id: 'opening', from: 'AGENT', agentId: 'u-7', sentAt: '2026-03-01T09:15:00.001Z' },
          { id: 'question', from: 'VISITOR', sentAt: '2026-03-01T04:20:00.123456-05:00' },
        ],
      })]);
      expect(await conversations()).toEqual([expect.objectContaining({
        created_at: '2026-03-01 09:15:00.001',
        closed_at: '2026-03-29 01:30:00.999',
        // 09:20:00.123 -> 09:45:00.500
        first_response_at: '2026-03-01 09:45:00.500',
        first_response_ms: 1_500_377,
        // 2026-03-01 09:15:00.001 -> 2026-03-29 01:30:00.999: 27 d 16 h 15 min 0.998 s
        time_to_close_ms: 2_391_300_998,
        message_count: 3,
      })]);
      expect(await messages('c-ms')).toEqual([
        { position: 0, external_id: 'opening', sender: 'AGENT', agent_id: 'u-7', sent_at: '2026-03-01 09:15:00.001' },
        { position: 1, external_id: 'question', sender: 'VISITOR', agent_id: null, sent_at: '2026-03-01 09:20:00.123' },
        { position: 2, external_id: 'late', sender: 'AGENT', agent_id: 'u-7', sent_at: '2026-03-01 09:45:00.500' },
      ]);
    });

    it('stores no response time for bot-only and unanswered conversations', async () => {
      await importObjects([
        aConversation({ id: 'bot', messages: [{ from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' }, { from: 'BOT', sentAt: '2026-03-01T09:15:01Z' }] }),
        aConversation({ id: 'none', messages: [] }),
      ]);
      expect((await conversations()).map((c) => [c.external_id, c.first_response_at, c.first_response_ms, c.message_count])).toEqual([
        ['bot', null, null, 2],
        ['none', null, null, 0],
      ]);
    });

    it('decodes UTF-8 split across chunks, CRLF line ends and a byte order mark', async () => {
      const text = `\uFEFF${JSON.stringify(aConversation({ id: 'c-é', subject: 'Zoë 👋 naïve' }))}\r\n${JSON.stringify(aConversation({ id: 'c-2' }))}\r\n`;
      expect(await importText(text)).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: [] });
      expect((await conversations()).map((c) => [c.external_id, c.subject])).toEqual([['c-2', null], ['c-é', 'Zoë 👋 naïve']]);
    });

    it('keeps accounts apart: the same id in two accounts is two conversations', async () => {
      const other = await newAccount();
      await importObjects([aConversation({ subject: 'ours' })]);
      expect(await importObjects([aConversation({ subject: 'theirs', assignee: { id: 'u-7', name: 'Someone Else' } })], { account: other })).toEqual(
        { imported: 1, updated: 0, unchanged: 0, rejected: [] },
      );
      await importObjects([aConversation({ subject: 'ours, updated' })]);
      expect((await conversations()).map((c) => c.subject)).toEqual(['ours, updated']);
      expect((await conversations(other)).map((c) => c.subject)).toEqual(['theirs']);
      expect((await directory('agents')).map((a) => a.name)).toEqual(['Ada Lovelace']);
      expect((await directory('agents', other)).map((a) => a.name)).toEqual(['Someone Else']);
      expect(await messages('c-1', other)).toHaveLength(2);
      expect([await dataVersion(), await dataVersion(other)]).toEqual([2, 1]);
    });
  });

  describe('counting and idempotence', () => {
    const file = [aConversation({ id: 'c-1' }), aConversation({ id: 'c-2', properties: { n: 1 } }), aConversation({ id: 'c-3', channel: 'EMAIL' })];

    it('counts new, updated and unchanged conversations; a re-import changes nothing', async () => {
      expect(await importObjects(file)).toEqual({ imported: 3, updated: 0, unchanged: 0, rejected: [] });
      const stored = await conversations();
      expect(await importObjects(file)).toEqual({ imported: 0, updated: 0, unchanged: 3, rejected: [] });
      expect(await conversations()).toEqual(stored);
      expect(await importObjects([file[0], { ...file[1], properties: { n: 2 } }, file[2], aConversation({ id: 'c-4' })])).toEqual(
        { imported: 1, updated: 1, unchanged: 2, rejected: [] },
      );
      expect(await properties('c-2')).toEqual([{ name: 'n', value_text: '2', value_number: 2 }]);
    });

    it('bumps data_version for a changing import only, not for an identical re-import', async () => {
      expect(await dataVersion()).toBe(0);
      await importObjects(file);
      expect(await dataVersion()).toBe(1);
      await importObjects(file);
      expect(await dataVersion()).toBe(1);
      await importObjects([{ ...file[0], subject: 'changed' }]);
      expect(await dataVersion()).toBe(2);
      // One bump per written batch.
      await importObjects(file.map((c) => ({ ...c, subject: 'again' })), { batchSize: 2 });
      expect(await dataVersion()).toBe(4);
    });

    it('does not bump data_version when every line is rejected', async () => {
      expect((await importText('{"id":\n')).rejected).toHaveLength(1);
      expect(await dataVersion()).toBe(0);
    });

    it.each([1, 2, 500])('lets a later line for the same id win (batches of %i), counting each line in turn', async (batchSize) => {
      const first = aConversation({ id: 'c-1', subject: 'first', properties: { a: 1, b: 'x' }, messages: [
        { id: 'v1', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
        { id: 'a1', from: 'AGENT', agentId: 'u-7', sentAt: '2026-03-01T09:16:00Z' },
        { id: 'v2', from: 'VISITOR', sentAt: '2026-03-01T09:17:00Z' },
      ] });
      const last = aConversation({ id: 'c-1', subject: 'last', properties: { c: true }, assignee: { id: 'u-8', name: 'Grace Hopper' }, messages: [
        { id: 'w1', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
        { id: 'w2', from: 'AGENT', agentId: 'u-8', sentAt: '2026-03-01T09:25:00Z' },
      ] });
      const report = await importObjects([first, aConversation({ id: 'c-2' }), first, last], { batchSize });
      expect(report).toEqual({ imported: 2, updated: 1, unchanged: 1, rejected: [] });
      expect((await conversations()).map((c) => [c.external_id, c.subject, c.assignee_id, c.first_response_ms, c.message_count])).toEqual([
        ['c-1', 'last', 'u-8', 600_000, 2],
        ['c-2', null, 'u-7', 150_000, 2],
      ]);
      expect((await messages('c-1')).map((m) => [m.position, m.external_id])).toEqual([[0, 'w1'], [1, 'w2']]);
      expect(await properties('c-1')).toEqual([{ name: 'c', value_text: 'true', value_number: null }]);
      expect(await importObjects([last], { batchSize })).toEqual({ imported: 0, updated: 0, unchanged: 1, rejected: [] });
    });

    it('lets a later line for the same id win in one ingestConversations call', async () => {
      const report = await ingestConversations(db, accountId, [aConversation({ subject: 'first' }), aConversation({ subject: 'second' })]);
      expect(report).toEqual({ imported: 1, updated: 1, unchanged: 0, rejected: [] });
      expect((await conversations()).map((c) => c.subject)).toEqual(['second']);
    });
  });

  describe('rejected lines', () => {
    it('skips blank lines and reports each bad line with its 1-based number and the reason', async () => {
      const lines = [
        JSON.stringify(aConversation({ id: 'ok-1' })),                                   // 1
        '',                                                                               // 2
        '{"id": "broken", ',                                                              // 3
        '   \t',                                                                          // 4
        JSON.stringify(aConversation({ id: 'no-inbox', inbox: undefined })),              // 5
        JSON.stringify(aConversation({ id: 'nested', properties: { plan: { tier: 'pro' } } })), // 6
        JSON.stringify(aConversation({ id: 'early', status: 'CLOSED', closedAt: '2026-03-01T09:00:00Z' })), // 7
        JSON.stringify(aConversation({ id: 'sms', channel: 'SMS' })),                     // 8
        JSON.stringify(aConversation({ id: 'bad-date', createdAt: '2026-02-30T10:00:00Z' })), // 9
        '[]',                                                                             // 10
        JSON.stringify(aConversation({ id: 'ok-2', channel: 'EMAIL' })),                  // 11
        JSON.stringify(aConversation({ id: 'email-flow', channel: 'EMAIL', chatflow: { id: 'cf-1' } })), // 12
        '',                                                                               // 13
      ];
      const report = await importText(lines.join('\n'), { batchSize: 1 });
      expect(report).toEqual({
        imported: 2,
        updated: 0,
        unchanged: 0,
        rejected: [
          { line: 3, error: expect.stringMatching(/^not valid JSON \(.+\)$/) },
          { line: 5, error: 'inbox: is required' },
          { line: 6, error: 'properties.plan: nested values are not allowed: use a string, number or boolean' },
          { line: 7, error: 'closedAt: must not be earlier than createdAt (2026-03-01T09:15:00.000Z)' },
          { line: 8, error: 'channel: must be one of CHAT, EMAIL, not "SMS"' },
          { line: 9, error: 'createdAt: "2026-02-30T10:00:00Z" is not an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00Z)' },
          { line: 10, error: 'conversation: must be a JSON object' },
          { line: 12, error: 'chatflow: is only allowed on CHAT conversations' },
        ],
      });
      expect((await conversations()).map((c) => c.external_id)).toEqual(['ok-1', 'ok-2']);
    });

    it('leaves no trace of a rejected line', async () => {
      const rejected = aConversation({
        id: 'c-bad', assignee: { id: 'u-bad', name: 'Nobody' }, inbox: { id: 'inbox-bad', name: 'Nowhere' }, team: { id: 't-bad' },
        properties: { onlyHere: 1 }, messages: [{ from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' }, { from: 'AGENT', sentAt: 'soon' }],
      });
      const report = await importObjects([aConversation({ id: 'c-ok' }), rejected]);
      expect(report.rejected).toEqual([{ line: 2, error: 'messages[1].sentAt: "soon" is not an ISO 8601 timestamp with an offset (e.g. 2026-03-01T09:15:00Z)' }]);
      expect(await rowCounts('c-bad')).toEqual([0, 0, 0]);
      expect(await rowCounts('c-ok')).toEqual([1, 2, 0]);
      expect((await directory('agents')).map((a) => a.external_id)).toEqual(['u-7']);
      expect((await directory('inboxes')).map((a) => a.external_id)).toEqual(['support']);
      expect(await directory('teams')).toEqual([]);
      expect(await customProperties()).toEqual([]);
    });

    it('never shows a reader half of a batch while an import runs', async () => {
      const file = toNdjson(Array.from({ length: 60 }, (_, i) => aConversation({ id: `c-${i}`, properties: { n: i } })));
      let done = false;
      const importing = importText(file, { batchSize: 3 }).finally(() => (done = true));
      const seen: string[] = [];
      while (!done) {
        const [row] = await db.query<{ c: unknown; m: unknown; p: unknown }>(
          `SELECT (SELECT COUNT(*) FROM conversations WHERE account_id = ?) AS c, (SELECT COUNT(*) FROM messages WHERE account_id = ?) AS m,
                  (SELECT COUNT(*) FROM conversation_properties WHERE account_id = ?) AS p`,
          [accountId, accountId, accountId],
        );
        const [c, m, p] = [toNumber(row.c) ?? -1, toNumber(row.m) ?? -1, toNumber(row.p) ?? -1];
        // Every conversation has two messages and one property, and batches hold three.
        if (m !== 2 * c || p !== c || c % 3 !== 0) seen.push(`${c} conversations, ${m} messages, ${p} properties`);
        // better-sqlite3 answers synchronously: let the import read its input between two looks.
        await new Promise(setImmediate);
      }
      expect((await importing).imported).toBe(60);
      expect(seen).toEqual([]);
    });

    it('leaves an earlier version untouched when the update is rejected', async () => {
      await importObjects([aConversation({ subject: 'kept', properties: { n: 1 } })]);
      const before = [await conversations(), await messages('c-1'), await properties('c-1')];
      const report = await importObjects([aConversation({ subject: 'lost', status: 'CLOSED', properties: { n: 2 } })]);
      expect(report).toEqual({ imported: 0, updated: 0, unchanged: 0, rejected: [{ line: 1, error: 'closedAt: is required when status is CLOSED' }] });
      expect([await conversations(), await messages('c-1'), await properties('c-1')]).toEqual(before);
    });

    it('rolls back a conversation that fails while being stored, and keeps the rest of its batch', async () => {
      // A store that fails on the messages of one conversation, after its row was written.
      const failing: Database = {
        ...db,
        query: (sql, params) => db.query(sql, params),
        transaction: (work) => db.transaction((tx) => work(failOn(tx, 'c-boom'))),
      };
      const errors: string[] = [];
      setRootLogger(createLogger({ level: 'error', format: 'json', destination: { write: (line: string) => void errors.push(line) } }));
      try {
        const lines = [aConversation({ id: 'c-a' }), aConversation({ id: 'c-boom', properties: { p: 1 } }), aConversation({ id: 'c-b' })];
        const report = await importText(toNdjson(lines), { into: failing });
        expect(report).toEqual({ imported: 2, updated: 0, unchanged: 0, rejected: [{ line: 2, error: 'could not be stored (internal error, logged on the server)' }] });
        expect(errors.map((line) => (JSON.parse(line) as { conversation: string; msg: string }))).toEqual([
          expect.objectContaining({ conversation: 'c-boom', msg: 'import: a conversation could not be stored' }),
        ]);
      } finally {
        setRootLogger(undefined);
      }
      expect(await rowCounts('c-boom')).toEqual([0, 0, 0]);
      expect((await conversations()).map((c) => [c.external_id, c.message_count])).toEqual([['c-a', 2], ['c-b', 2]]);
      expect(await customProperties()).toEqual([]);
    });

    it('fails the import, rather than rejecting every line, when nothing can be stored', async () => {
      const broken: Database = {
        ...db,
        transaction: (work) =>
          db.transaction((tx) =>
            work({
              query: (statement, params) => (textOf(statement).sql.startsWith('INSERT') ? Promise.reject(new Error('disk full')) : tx.query(statement, params)),
              loadRows: () => Promise.reject(new Error('disk full')),
              accumulateRows: () => Promise.reject(new Error('disk full')),
            }),
          ),
      };
      const errors: string[] = [];
      setRootLogger(createLogger({ level: 'error', format: 'json', destination: { write: (line: string) => void errors.push(line) } }));
      try {
        await expect(importText(toNdjson([aConversation({ id: 'c-a' }), aConversation({ id: 'c-b' })]), { into: broken })).rejects.toThrow('disk full');
      } finally {
        setRootLogger(undefined);
      }
      expect(await conversations()).toEqual([]);
      expect(await dataVersion()).toBe(0);
    });
  });

  describe('updates', () => {
    it('replaces the messages and properties of an updated conversation entirely', async () => {
      await importObjects([aConversation({
        status: 'CLOSED', closedAt: '2026-03-01T10:15:00Z', properties: { a: 1, b: 'x', c: true },
        messages: [
          { id: 'm1', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' },
          { id: 'm2', from: 'AGENT', agentId: 'u-7', sentAt: '2026-03-01T09:17:30Z' },
          { id: 'm3', from: 'VISITOR', sentAt: '2026-03-01T09:18:00Z' },
        ],
      })]);
      expect(await properties('c-1')).toHaveLength(3);
      const report = await importObjects([aConversation({
        status: 'OPEN', properties: { d: 'new' }, messages: [{ id: 'only', from: 'VISITOR', sentAt: '2026-03-01T09:15:00Z' }],
      })]);
      expect(report).toEqual({ imported: 0, updated: 1, unchanged: 0, rejected: [] });
      expect(await messages('c-1')).toEqual([{ position: 0, external_id: 'only', sender: 'VISITOR', agent_id: null, sent_at: '2026-03-01 09:15:00.000' }]);
      expect(await properties('c-1')).toEqual([{ name: 'd', value_text: 'new', value_number: null }]);
      expect(await conversations()).toEqual([expect.objectContaining({
        status: 'OPEN', closed_at: null, time_to_close_ms: null, first_response_at: null, first_response_ms: null, message_count: 1,
      })]);
    });

    it('removes every message and property when an update has none', async () => {
      await importObjects([aConversation({ properties: { a: 1 } })]);
      await importObjects([aConversation({ messages: [] })]);
      expect(await rowCounts('c-1')).toEqual([1, 0, 0]);
    });

    it('updates through ingestConversations the same way, rejecting by index', async () => {
      await ingestConversations(db, accountId, [aConversation({ properties: { a: 1 } })]);
      const report = await ingestConversations(db, accountId, [
        { id: 'x' },
        aConversation({ messages: [], properties: { b: 2 } }),
        aConversation({ id: 'c-2' }),
        aConversation({ id: 'c-3', channel: 'EMAIL', pageUrl: 'https://example.com' }),
      ]);
      expect(report).toEqual({
        imported: 1, updated: 1, unchanged: 0,
        rejected: [{ index: 0, error: 'channel: is required' }, { index: 3, error: 'pageUrl: is only allowed on CHAT conversations' }],
      });
      expect(await rowCounts('c-1')).toEqual([1, 0, 1]);
      expect(await properties('c-1')).toEqual([{ name: 'b', value_text: '2', value_number: 2 }]);
    });
  });

  describe('directory', () => {
    it('keeps the latest name of every agent, inbox, team and chatflow', async () => {
      await importObjects([
        aConversation({ id: 'c-1', assignee: { id: 'u-7', name: 'Ada', email: 'ada@old.example' }, team: { id: 't-1', name: 'Tier 1' }, chatflow: { id: 'cf-1', name: 'Bot' } }),
        aConversation({ id: 'c-2', assignee: { id: 'u-7', name: 'Ada L.', email: 'ada@example.com' }, inbox: { id: 'support', name: 'Help desk' } }),
        // A later line for c-1 names them again, last: its names win although c-1 came first.
        aConversation({ id: 'c-1', assignee: { id: 'u-7', name: 'Ada Lovelace' }, team: { id: 't-1', name: 'First line' }, chatflow: { id: 'cf-1', name: 'Welcome bot' } }),
      ]);
      // The last line gives no email: the one given before stays.
      expect(await directory('agents')).toEqual([{ external_id: 'u-7', name: 'Ada Lovelace', email: 'ada@example.com' }]);
      expect(await directory('inboxes')).toEqual([{ external_id: 'support', name: 'Support' }]);
      expect(await directory('teams')).toEqual([{ external_id: 't-1', name: 'First line' }]);
      expect(await directory('chatflows')).toEqual([{ external_id: 'cf-1', name: 'Welcome bot' }]);
    });

    it('takes a name from a later import even when that conversation is unchanged', async () => {
      const c1 = aConversation({ id: 'c-1', assignee: { id: 'u-7', name: 'Ada' } });
      await importObjects([c1]);
      await importObjects([aConversation({ id: 'c-2', assignee: { id: 'u-7', name: 'Ada Lovelace' } })]);
      expect(await dataVersion()).toBe(2);
      expect(await importObjects([c1])).toEqual({ imported: 0, updated: 0, unchanged: 1, rejected: [] });
      expect(await directory('agents')).toEqual([{ external_id: 'u-7', name: 'Ada', email: null }]);
      // Labels changed: report caches must not serve the old name.
      expect(await dataVersion()).toBe(3);
    });
  });

  describe('names are never wiped', () => {
    const allNames = async () => ({
      agents: await directory('agents'),
      inboxes: await directory('inboxes'),
      teams: await directory('teams'),
      chatflows: await directory('chatflows'),
    });
    const NAMES = {
      agents: [{ external_id: 'u-7', name: 'Ada Lovelace', email: 'ada@example.com' }],
      inboxes: [{ external_id: 'support', name: 'Support' }],
      teams: [{ external_id: 't-1', name: 'Tier 1' }],
      chatflows: [{ external_id: 'cf-1', name: 'Pricing bot' }],
    };

    it('keeps the stored name (and email) when a later import gives the id alone, the same conversation or another', async () => {
      await importObjects([aConversation({ id: 'c-1', ...NAMED_REFS })]);
      const version = await dataVersion();
      const byId = [aConversation({ id: 'c-1', ...REFS_BY_ID }), aConversation({ id: 'c-2', ...REFS_BY_ID })];
      expect(await importObjects(byId)).toEqual({ imported: 1, updated: 1, unchanged: 0, rejected: [] });
      expect(await allNames()).toEqual(NAMES);
      // Idempotent: the same file again changes nothing, not even the data version.
      const after = await dataVersion();
      expect(after).toBe((version as number) + 1);
      expect(await importObjects(byId)).toEqual({ imported: 0, updated: 0, unchanged: 2, rejected: [] });
      expect(await allNames()).toEqual(NAMES);
      expect(await dataVersion()).toBe(after);
    });

    it('shows a new id given without a name as its id until a name arrives; then the name stays', async () => {
      await importObjects([aConversation({ id: 'c-1', ...REFS_BY_ID })]);
      expect(await allNames()).toEqual({
        agents: [{ external_id: 'u-7', name: 'u-7', email: null }],
        inboxes: [{ external_id: 'support', name: 'support' }],
        teams: [{ external_id: 't-1', name: 't-1' }],
        chatflows: [{ external_id: 'cf-1', name: 'cf-1' }],
      });
      const version = await dataVersion();
      // The conversation is the same (its hash counts a missing name as the id): the names still arrive.
      await importObjects([aConversation({ id: 'c-2', ...NAMED_REFS })]);
      expect(await allNames()).toEqual(NAMES);
      expect(await dataVersion()).toBe((version as number) + 1);
      await importObjects([aConversation({ id: 'c-3', ...REFS_BY_ID })]);
      expect(await allNames()).toEqual(NAMES);
    });

    it.each([1, 1000])('takes the last name given in a file, whatever comes after it by id alone (batches of %i)', async (batchSize) => {
      const report = await importObjects(
        [
          aConversation({ id: 'c-1', ...REFS_BY_ID }),
          aConversation({ id: 'c-2', inbox: { id: 'support', name: 'Help desk' }, assignee: { id: 'u-7', name: 'Ada', email: 'ada@old.example' } }),
          aConversation({ id: 'c-3', ...NAMED_REFS }),
          aConversation({ id: 'c-4', ...REFS_BY_ID }),
          // c-3 again, by id alone: the names its first line gave are not undone.
          aConversation({ id: 'c-3', ...REFS_BY_ID }),
        ],
        { batchSize },
      );
      expect(report).toEqual({ imported: 4, updated: 1, unchanged: 0, rejected: [] });
      expect(await allNames()).toEqual(NAMES);
    });

    it('clears an email given as null or empty, and keeps it when left out', async () => {
      await importObjects([aConversation({ id: 'c-1', assignee: { id: 'u-7', name: 'Ada', email: 'ada@example.com' } })]);
      await importObjects([aConversation({ id: 'c-2', assignee: { id: 'u-7', name: 'Ada' } })]);
      expect(await directory('agents')).toEqual([{ external_id: 'u-7', name: 'Ada', email: 'ada@example.com' }]);
      await importObjects([aConversation({ id: 'c-3', assignee: { id: 'u-7', email: null } })]);
      expect(await directory('agents')).toEqual([{ external_id: 'u-7', name: 'Ada', email: null }]);
      await importObjects([aConversation({ id: 'c-4', assignee: { id: 'u-7', email: 'ada@example.com' } }), aConversation({ id: 'c-5', assignee: { id: 'u-7', email: '' } })]);
      expect(await directory('agents')).toEqual([{ external_id: 'u-7', name: 'Ada', email: null }]);
    });

    it('keeps names through ingestConversations the same way', async () => {
      await ingestConversations(db, accountId, [aConversation({ id: 'c-1', ...NAMED_REFS })]);
      expect(await ingestConversations(db, accountId, [aConversation({ id: 'c-2', ...REFS_BY_ID })])).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected: [] });
      expect(await allNames()).toEqual(NAMES);
    });
  });

  describe('custom properties', () => {
    it('types each property, and a property seen with mixed types becomes STRING', async () => {
      await importObjects([
        aConversation({ id: 'c-1', properties: { n: 1.5, s: 'x', b: true, laterText: 3, mixedInFile: 1 } }),
        aConversation({ id: 'c-2', properties: { n: 2, mixedInFile: false } }),
      ]);
      expect(await customProperties()).toEqual([
        { name: 'b', type: 'BOOLEAN' }, { name: 'laterText', type: 'NUMBER' }, { name: 'mixedInFile', type: 'STRING' },
        { name: 'n', type: 'NUMBER' }, { name: 's', type: 'STRING' },
      ]);
      expect(await properties('c-1')).toEqual([
        { name: 'b', value_text: 'true', value_number: null },
        { name: 'laterText', value_text: '3', value_number: 3 },
        { name: 'mixedInFile', value_text: '1', value_number: 1 },
        { name: 'n', value_text: '1.5', value_number: 1.5 },
        { name: 's', value_text: 'x', value_number: null },
      ]);
      await importObjects([aConversation({ id: 'c-3', properties: { laterText: 'three' } })]);
      await importObjects([aConversation({ id: 'c-4', properties: { laterText: 4, n: 3 } })]);
      expect(await customProperties()).toEqual([
        { name: 'b', type: 'BOOLEAN' }, { name: 'laterText', type: 'STRING' }, { name: 'mixedInFile', type: 'STRING' },
        { name: 'n', type: 'NUMBER' }, { name: 's', type: 'STRING' },
      ]);
    });
  });
});

/** Wraps a transaction so that inserting the messages of `externalId` fails. */
function failOn(tx: Transaction, externalId: string): Transaction {
  return {
    ...tx,
    query: (statement, given) => {
      const { sql, params } = textOf(statement, given);
      if (sql.startsWith('INSERT INTO messages') && params.includes(externalId)) {
        return Promise.reject(new Error(`simulated failure storing ${externalId}`));
      }
      return tx.query(statement, given);
    },
  };
}
