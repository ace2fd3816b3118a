import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccount } from '../../src/accounts/accounts';
import { runCli } from '../support/cli';
import { createTestDatabase, DIALECTS, TestDatabase } from '../support/databases';
import { aConversation, toNdjson } from '../support/fixtures';

const withoutInbox = aConversation({ id: 'c-no-inbox' });
delete withoutInbox.inbox;

/** One line per case; blank lines are part of the numbering. */
const LINES = [
  JSON.stringify(aConversation({ id: 'c-1' })),
  '{"id": "c-broken", ',
  '',
  JSON.stringify(aConversation({ id: 'c-2', status: 'CLOSED', createdAt: '2026-03-01T09:15:00Z', closedAt: '2026-03-01T09:00:00Z' })),
  JSON.stringify(withoutInbox),
  JSON.stringify(aConversation({ id: 'c-sms', channel: 'SMS' })),
  JSON.stringify(aConversation({ id: 'c-nested', properties: { plan: { tier: 'gold' } } })),
  JSON.stringify(aConversation({ id: 'c-3', channel: 'EMAIL', subject: 'Invoice' })),
  '   ',
  JSON.stringify(aConversation({ id: 'c-4', status: 'CLOSED', closedAt: '2026-03-01T10:02:10Z' })),
];

const REJECTED = [
  { line: 2, error: expect.stringMatching(/^not valid JSON \(.+\)$/) },
  { line: 4, error: 'closedAt: must not be earlier than createdAt (2026-03-01T09:15:00.000Z)' },
  { line: 5, error: 'inbox: is required' },
  { line: 6, error: 'channel: must be one of CHAT, EMAIL, not "SMS"' },
  { line: 7, error: 'properties.plan: nested values are not allowed: use a string, number or boolean' },
];
/** Lines 1, 8 and 10. */
const VALID = 3;

describe.each(DIALECTS)('threadline import (%s)', (dialect) => {
  let test: TestDatabase;
  let dir: string;
  let file: string;
  let accountId: string;
  const cli = (args: string[], input?: string) => runCli(args, { databaseUrl: test.url, input });
  const stored = () =>
    test.db.query<{ external_id: string; subject: string | null; status: string }>(
      'SELECT external_id, subject, status FROM conversations WHERE account_id = ? ORDER BY external_id',
      [Number(accountId)],
    );

  beforeAll(async () => {
    test = await createTestDatabase(dialect);
    accountId = String((await createAccount(test.db, { name: 'Importer', plan: 'PROFESSIONAL' })).id);
    dir = mkdtempSync(join(tmpdir(), 'threadline-import-'));
    file = join(dir, 'conversations.ndjson');
    writeFileSync(file, `${LINES.join('\n')}\n`);
  });
  afterAll(async () => {
    await test?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('imports the valid lines, reports each rejected line by number, skips blank lines, and exits 0', async () => {
    const result = await cli(['import', '--account', accountId, file, '--json']);

    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(result.stdout.indexOf('\n')).toBe(result.stdout.length - 1);
    expect(JSON.parse(result.stdout)).toEqual({ imported: VALID, updated: 0, unchanged: 0, rejected: REJECTED });
    // Rejected lines leave no trace.
    expect(await stored()).toEqual([
      { external_id: 'c-1', subject: null, status: 'OPEN' },
      { external_id: 'c-3', subject: 'Invoice', status: 'OPEN' },
      { external_id: 'c-4', subject: null, status: 'CLOSED' },
    ]);
  });

  it('is idempotent: importing the same file again imports and updates nothing', async () => {
    const result = await cli(['import', '--account', accountId, file, '--json']);

    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toEqual({ imported: 0, updated: 0, unchanged: VALID, rejected: REJECTED });
    expect(await stored()).toHaveLength(VALID);
  });

  it('reads stdin for "-": a later import of an id updates it, and within one input the later line wins', async () => {
    const input = toNdjson([
      aConversation({ id: 'c-1', status: 'CLOSED', closedAt: '2026-03-01T09:30:00Z' }),
      aConversation({ id: 'c-5', subject: 'first version' }),
      aConversation({ id: 'c-5', subject: 'second version' }),
    ]);

    const result = await cli(['import', '--account', accountId, '-', '--json'], input);

    // Counted per line, as if written in turn: c-1 updated; c-5 imported, then updated.
    expect(result).toEqual({ status: 0, signal: null, stdout: '{"imported":1,"updated":2,"unchanged":0,"rejected":[]}\n', stderr: '' });
    expect(await stored()).toEqual([
      { external_id: 'c-1', subject: null, status: 'CLOSED' },
      { external_id: 'c-3', subject: 'Invoice', status: 'OPEN' },
      { external_id: 'c-4', subject: null, status: 'CLOSED' },
      { external_id: 'c-5', subject: 'second version', status: 'OPEN' },
    ]);
  });

  it('prints a summary and the rejected lines without --json', async () => {
    const input = `${JSON.stringify(aConversation({ id: 'c-6' }))}\n\n${JSON.stringify(aConversation({ id: 'c-7', status: 'DONE' }))}\n`;

    const result = await cli(['import', '--account', accountId, '-'], input);

    expect(result).toEqual({
      status: 0,
      signal: null,
      stdout: 'Imported 1 new, updated 0, unchanged 0, rejected 1 from stdin.\n  line 3: status: must be one of OPEN, CLOSED, not "DONE"\n',
      stderr: '',
    });
  });

  it('rejects by line a line over the maximum, bytes that are not UTF-8 and a year out of range, and imports the rest', async () => {
    const bounds = join(dir, 'bounds.ndjson');
    const utf8 = Buffer.from(`${JSON.stringify(aConversation({ id: 'c-latin1', subject: 'caf\u00e9' }))}\n`, 'utf8');
    const latin1 = Buffer.concat([utf8.subarray(0, utf8.indexOf(0xc3)), Buffer.from([0xe9]), utf8.subarray(utf8.indexOf(0xc3) + 2)]);
    writeFileSync(bounds, Buffer.concat([
      Buffer.from(`${JSON.stringify(aConversation({ id: 'c-huge', subject: 'x'.repeat(2 * 1024 * 1024) }))}\n`),
      latin1,
      Buffer.from(toNdjson([aConversation({ id: 'c-9999', createdAt: '9999-01-01T00:00:00Z', messages: [] }), aConversation({ id: 'c-bounds', subject: 'x'.repeat(300) })])),
    ]));
    const rejected = [
      { line: 1, error: 'longer than 1048576 bytes (the maximum line length): not read' },
      { line: 2, error: expect.stringMatching(/^not valid UTF-8 \(from byte \d+ of the line\)$/) },
      { line: 3, error: 'createdAt: "9999-01-01T00:00:00Z" is outside the years 1970 to 2100 (UTC)' },
    ];
    const result = await cli(['import', '--account', accountId, bounds, '--json']);
    expect([result.status, result.stderr]).toEqual([0, '']);
    expect(JSON.parse(result.stdout)).toEqual({ imported: 1, updated: 0, unchanged: 0, rejected });
    // A smaller maximum, from the flag or the environment; a bad one is refused by name.
    const cap = String(latin1.length + 10);
    const smaller = { ...rejected[0], error: `longer than ${cap} bytes (the maximum line length): not read` };
    const [flag, env, bad] = await Promise.all([
      cli(['import', '--account', accountId, bounds, '--json', '--max-line-bytes', cap]),
      runCli(['import', '--account', accountId, bounds, '--json'], { databaseUrl: test.url, env: { THREADLINE_IMPORT_MAX_LINE_BYTES: cap } }),
      cli(['import', '--account', accountId, bounds, '--max-line-bytes', 'lots']),
    ]);
    for (const run of [flag, env]) expect(JSON.parse(run.stdout)).toEqual({ imported: 0, updated: 0, unchanged: 0, rejected: [smaller, rejected[1], rejected[2], { ...smaller, line: 4 }] });
    expect([bad.status, bad.stderr]).toEqual([1, 'threadline: --max-line-bytes must be an integer from 1 to 536870912, not "lots"\n']);
  });

  it('exits 1 for an unknown account or an unreadable file, and imports nothing', async () => {
    const missing = join(dir, 'missing.ndjson');
    const results = await Promise.all([cli(['import', '--account', '424242', file]), cli(['import', '--account', accountId, missing])]);

    expect(results).toEqual([
      { status: 1, signal: null, stdout: '', stderr: 'threadline: unknown account "424242" (create one with: threadline account create)\n' },
      { status: 1, signal: null, stdout: '', stderr: `threadline: cannot read "${missing}": no such file\n` },
    ]);
    const [{ n }] = await test.db.query<{ n: number | string }>('SELECT COUNT(*) AS n FROM conversations WHERE account_id <> ?', [Number(accountId)]);
    expect(Number(n)).toBe(0);
  });
});
