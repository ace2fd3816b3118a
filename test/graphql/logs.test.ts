import { createLogger, setRootLogger } from '../../src/log';
import { AuthViewerDocument, ConversationInput, ConversationsDocument, IngestDocument } from './generated/operations';
import { startTestApi, TestApi } from '../support/api';
import { aConversation } from '../support/fixtures';

type Line = Record<string, unknown>;

/**
 * What the server logs: one JSON line per request with its id (also the X-Request-Id header),
 * operation, duration, account and result code, and errors with the request id; never a token, a
 * request body or a conversation's text. Lines are captured as the server writes them.
 */
describe('server logs', () => {
  let api: TestApi;
  const written: string[] = [];
  const lines = () => written.map((text) => JSON.parse(text) as Line);
  const requestLines = () => lines().filter((l) => l.msg === 'request');

  beforeAll(async () => {
    setRootLogger(createLogger({ level: 'debug', format: 'json', destination: { write: (text: string) => void written.push(text) } }));
    api = await startTestApi('sqlite');
  });
  afterAll(async () => {
    await api.close();
    setRootLogger(undefined);
  });
  beforeEach(() => {
    written.length = 0;
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}`, ...headers }, body: JSON.stringify(body) });

  it('writes one line per request: level, time, request id, operation, duration, account and code', async () => {
    const response = await post({ query: 'query AuthViewer { viewer { userId } }', operationName: 'AuthViewer' });
    expect(response.status).toBe(200);
    const requestId = response.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines()).toEqual([
      {
        level: 30,
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        requestId,
        method: 'POST',
        path: '/graphql',
        status: 200,
        durationMs: expect.any(Number),
        operation: 'AuthViewer',
        accountId: api.account.id,
        code: 'OK',
        msg: 'request',
      },
    ]);
  });

  it('keeps a plain incoming X-Request-Id and replaces one that is not', async () => {
    const kept = await post({ query: '{ viewer { userId } }' }, { 'x-request-id': 'lb-7f3a.42' });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const replaced = await post({ query: '{ viewer { userId } }' }, { 'x-request-id': `${'x'.repeat(200)}` });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestLines().map((l) => l.requestId)).toEqual(['lb-7f3a.42', replaced.headers.get('x-request-id')]);
  });

  it('logs the code of a refusal, and of an HTTP error before GraphQL', async () => {
    const refused = await post({ query: '{ viewer { userId } }' }, { authorization: 'Bearer tl_unknown' });
    expect(refused.status).toBe(401);
    const malformed = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(malformed.status).toBe(400);
    expect(requestLines().map((l) => [l.status, l.code, l.accountId])).toEqual([[401, 'UNAUTHENTICATED', undefined], [400, 'BAD_REQUEST', undefined]]);
  });

  it('never writes a token, a request body or a conversation\'s text', async () => {
    const secretSubject = 'Subject-4f1d9e-do-not-log';
    const secretName = 'Contact-83ac2b-do-not-log';
    const ingest = await api.request(IngestDocument, { input: [aConversation({ id: 'c-logged', subject: secretSubject, contact: { name: secretName } }) as unknown as ConversationInput] });
    expect(ingest.errors).toBeUndefined();
    await api.request(ConversationsDocument, {});
    await api.request(AuthViewerDocument, {}, 'tl_forged-token-9c1e77');
    await post({ query: '{ viewer { userId } }', variables: { note: secretSubject } });
    const output = written.join('');
    expect(requestLines().length).toBe(4);
    for (const secret of [api.token, 'tl_forged-token-9c1e77', secretSubject, secretName, 'c-logged', 'ingestConversations', 'authorization']) {
      expect([secret, output.includes(secret)]).toEqual([secret, false]);
    }
  });

  it('logs an internal error once, with the request id, and masks it for the caller', async () => {
    const broken = await startTestApi('sqlite');
    try {
      await broken.db.query('DROP TABLE conversations');
      written.length = 0;
      const response = await fetch(broken.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${broken.token}` }, body: JSON.stringify({ query: '{ conversations { totalCount } }' }) });
      const requestId = response.headers.get('x-request-id');
      const errors = lines().filter((l) => l.level === 50);
      expect(errors).toEqual([expect.objectContaining({ requestId, msg: 'internal error', err: expect.objectContaining({ type: expect.any(String) }) })]);
      expect(requestLines()).toEqual([expect.objectContaining({ requestId, code: 'INTERNAL_SERVER_ERROR', status: 200 })]);
    } finally {
      await broken.close();
    }
  });
});
