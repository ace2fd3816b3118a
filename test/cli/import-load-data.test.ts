import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConversationsDocument, ConversationsQuery } from '../graphql/generated/operations';
import { ok, startTestApi, TestApi } from '../support/api';
import { runCli } from '../support/cli';
import { DIALECTS } from '../support/databases';
import { aConversation, toNdjson } from '../support/fixtures';
import { createPrivateMariadb, PrivateMariadb } from '../support/private-mariadb';
import { rollupSnapshot } from '../support/rollups';
import { TEST_SERVERS } from '../support/servers';
import { rebuildRollups } from '../../src/reporting/engine/rollup/maintain';
import { createAccount } from '../../src/accounts/accounts';
import { Database, openDatabase } from '../../src/db/database';

/**
 * Text that MariaDB's LOAD DATA format (tab-separated, backslash escapes, \N for NULL) must carry
 * byte for byte: its own separators and escapes, text that looks like them, 4-byte characters, and
 * the longest values the import takes.
 */
const AWKWARD = [
  'tab\there', 'line\nbreak', 'carriage\r\nreturn', 'back\\slash', 'trailing backslash\\', '\\', '\\N', 'N', 'NULL',
  '\\t\\n\\r\\0\\\\', 'emoji 😀🧵 and ünïcödé, 中文', '"double" \'single\' `back`', 'ctrl-z \u001a and bell \u0007',
  '😀'.repeat(1000), 'é'.repeat(1000),
];
/** More than the rows from which a batch is bulk-loaded, in every table. */
const COUNT = 240;

/** The first `n` characters (code points: a 4-byte character is never cut in half). */
const first = (text: string, n: number) => [...text].slice(0, n).join('');

/** The i-th conversation of a file; `version` changes every value but the ids. */
function conversation(i: number, version: string): Record<string, unknown> {
  const text = AWKWARD[i % AWKWARD.length];
  // Every seventh hour: enough rollup cells for them to be staged in bulk too.
  const created = Date.UTC(2026, 2, 1) + i * 7 * 3600_000;
  const at = (ms: number) => new Date(ms).toISOString();
  return aConversation({
    createdAt: at(created),
    // Moves every conversation to other rollup groups (the assignee's and the page's) on a new version.
    assignee: { id: `u-${version}`, name: `Agent ${version}` },
    id: `lt\\${String(i).padStart(3, '0')}\tid`,
    subject: first(`${version} ${text}`, 1000),
    contact: { name: `${version}\t${i}`, email: null },
    pageUrl: `https://example.com/${version}/${'😀'.repeat(1000)}?q=\\t`,
    messages: [
      { id: `m\\1\t${i}`, from: 'VISITOR', sentAt: at(created + 123) },
      { id: first(text, 100), from: 'AGENT', agentId: `u-${version}`, sentAt: at(created + 150_000) },
    ],
    properties: { note: first(text, 1000), version, score: [0.1, -2.5e-7, 1e21, 123456789.123456789][i % 4], vip: i % 2 === 0 },
  });
}

const fileOf = (version: string) => toNdjson(Array.from({ length: COUNT }, (_, i) => conversation(i, version)));

type Node = ConversationsQuery['conversations']['nodes'][number];

/** What the API shows of a conversation of `conversation(i, version)`. */
function expected(i: number, version: string): Partial<Node> {
  const given = conversation(i, version);
  const properties = given.properties as Record<string, string | number | boolean>;
  return {
    externalId: given.id as string,
    subject: given.subject as string,
    pageUrl: given.pageUrl as string,
    messageCount: 2,
    contact: { email: null, name: (given.contact as { name: string }).name },
    properties: Object.keys(properties).sort().map((name) => ({ name, value: String(properties[name]) })),
  };
}

async function allConversations(api: TestApi): Promise<Node[]> {
  const nodes: Node[] = [];
  let after: string | null | undefined;
  do {
    const page = ok(await api.request(ConversationsDocument, { first: 100, after })).conversations;
    nodes.push(...page.nodes);
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return nodes.sort((a, b) => (a.externalId < b.externalId ? -1 : 1));
}

const sorted = (nodes: Partial<Node>[]) => nodes.sort((a, b) => ((a.externalId as string) < (b.externalId as string) ? -1 : 1));

const shown = (node: Node): Partial<Node> => ({
  externalId: node.externalId, subject: node.subject, pageUrl: node.pageUrl, messageCount: node.messageCount, contact: node.contact, properties: node.properties,
});

/**
 * A batch of enough rows is written with LOAD DATA LOCAL INFILE on MariaDB and with INSERTs on
 * SQLite: both store exactly what was imported, replace it on a second import, and leave it alone
 * on a third of the same file.
 */
describe.each(DIALECTS)('threadline import of awkward text in large batches (%s)', (dialect) => {
  let api: TestApi;
  let dir: string;
  const importFile = async (version: string) => {
    const file = join(dir, `${version}.ndjson`);
    writeFileSync(file, fileOf(version));
    const result = await runCli(['import', '--account', String(api.account.id), file, '--json'], { databaseUrl: api.database.url }, 60_000);
    expect([result.status, result.stderr]).toEqual([0, '']);
    return JSON.parse(result.stdout) as unknown;
  };

  /**
   * Batches stored so far: each moves the data version on once. A batch that failed as a whole is
   * stored again record by record (one version each), which would hide a bulk load gone wrong.
   */
  const dataVersion = async () => {
    const [row] = await api.db.query<{ data_version: unknown }>('SELECT data_version FROM accounts WHERE id = ?', [api.account.id]);
    return Number(row.data_version);
  };

  beforeAll(async () => {
    api = await startTestApi(dialect);
    dir = mkdtempSync(join(tmpdir(), 'threadline-load-data-'));
  });
  afterAll(async () => {
    await api?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('stores every value exactly as imported, and reads it back over GraphQL', async () => {
    expect(await importFile('v1')).toEqual({ imported: COUNT, updated: 0, unchanged: 0, rejected: [] });
    expect(await dataVersion()).toBe(1);

    const nodes = await allConversations(api);
    expect(nodes.map(shown)).toEqual(sorted(Array.from({ length: COUNT }, (_, i) => expected(i, 'v1'))));
    // Messages are not part of the API: their ids and instants are read from the store.
    const messages = await api.db.query<{ conversation_id: string; position: number; external_id: string; agent_id: string | null }>(
      'SELECT conversation_id, position, external_id, agent_id FROM messages WHERE account_id = ? AND conversation_id = ? ORDER BY position',
      [api.account.id, conversation(9, 'v1').id],
    );
    expect(messages).toEqual([
      { conversation_id: conversation(9, 'v1').id, position: 0, external_id: 'm\\1\t9', agent_id: null },
      { conversation_id: conversation(9, 'v1').id, position: 1, external_id: first(AWKWARD[9], 100), agent_id: 'u-v1' },
    ]);
    const scores = await api.db.query<{ value_number: number }>(
      "SELECT value_number FROM conversation_properties WHERE account_id = ? AND name = 'score' AND conversation_id IN (?, ?, ?, ?) ORDER BY conversation_id",
      [api.account.id, ...[0, 1, 2, 3].map((i) => conversation(i, 'v1').id)],
    );
    expect(scores.map((s) => Number(s.value_number))).toEqual([0.1, -2.5e-7, 1e21, 123456789.123456789]);
  });

  it('replaces every conversation on an import of new versions, and leaves them alone on a second import of them', async () => {
    expect(await importFile('v2')).toEqual({ imported: 0, updated: COUNT, unchanged: 0, rejected: [] });
    expect(await importFile('v2')).toEqual({ imported: 0, updated: 0, unchanged: COUNT, rejected: [] });
    expect(await dataVersion()).toBe(2);
    // The cells kept while importing (staged in bulk on MariaDB) are those a rebuild computes.
    const kept = await rollupSnapshot(api.db, api.account.id);
    expect(kept.length).toBeGreaterThan(COUNT);
    await rebuildRollups(api.db, api.account.id);
    expect(await rollupSnapshot(api.db, api.account.id)).toEqual(kept);

    expect((await allConversations(api)).map(shown)).toEqual(sorted(Array.from({ length: COUNT }, (_, i) => expected(i, 'v2'))));
    const [counts] = await api.db.query<{ messages: unknown; properties: unknown }>(
      'SELECT (SELECT COUNT(*) FROM messages WHERE account_id = ?) AS messages, (SELECT COUNT(*) FROM conversation_properties WHERE account_id = ?) AS properties',
      [api.account.id, api.account.id],
    );
    expect([Number(counts.messages), Number(counts.properties)]).toEqual([2 * COUNT, 4 * COUNT]);
  });
});

(TEST_SERVERS.has('mariadb') ? describe : describe.skip)('threadline import into a MariaDB that refuses LOAD DATA LOCAL INFILE', () => {
  let mariadb: PrivateMariadb;
  let db: Database;
  let accountId: number;
  let dir: string;

  beforeAll(async () => {
    mariadb = await createPrivateMariadb('threadline_no_infile', { localInfile: false });
    db = await openDatabase(mariadb.url);
    accountId = (await createAccount(db, { name: 'No infile', plan: 'PROFESSIONAL' })).id;
    dir = mkdtempSync(join(tmpdir(), 'threadline-no-infile-'));
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    await mariadb?.destroy();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('says so in one line and imports with INSERTs instead: the same rows, the same counts', async () => {
    const file = join(dir, 'v1.ndjson');
    writeFileSync(file, fileOf('v1'));
    // Tests run the command silent unless they ask (test/support/global-setup.ts).
    const env = { THREADLINE_LOG_LEVEL: 'warn', THREADLINE_LOG_FORMAT: 'json' };
    const result = await runCli(['import', '--account', String(accountId), file, '--json'], { databaseUrl: mariadb.url, env }, 60_000);

    expect(result.status).toBe(0);
    expect(result.stderr.trimEnd().split('\n').map((line) => JSON.parse(line) as unknown)).toEqual([
      expect.objectContaining({ level: 40, msg: expect.stringMatching(/^LOAD DATA LOCAL INFILE refused by the database server \(.*local infile.*\); imports write with INSERT instead$/) }),
    ]);
    expect(JSON.parse(result.stdout)).toEqual({ imported: COUNT, updated: 0, unchanged: 0, rejected: [] });
    const stored = await db.query<{ external_id: string; subject: string; contact_name: string }>(
      'SELECT external_id, subject, contact_name FROM conversations WHERE account_id = ? ORDER BY external_id',
      [accountId],
    );
    const given = Array.from({ length: COUNT }, (_, i) => expected(i, 'v1'));
    expect(stored).toEqual(sorted(given).map((c) => ({ external_id: c.externalId, subject: c.subject, contact_name: c.contact?.name })));
    const [counts] = await db.query<{ messages: unknown; properties: unknown }>(
      'SELECT (SELECT COUNT(*) FROM messages WHERE account_id = ?) AS messages, (SELECT COUNT(*) FROM conversation_properties WHERE account_id = ?) AS properties',
      [accountId, accountId],
    );
    expect([Number(counts.messages), Number(counts.properties)]).toEqual([2 * COUNT, 4 * COUNT]);
  });
});
