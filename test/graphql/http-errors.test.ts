import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startTestApi, TestApi } from '../support/api';

/**
 * Whatever is wrong with a request, the answer is a JSON error a client can parse, with a code
 * and a message and nothing of the server's insides: never Express's HTML page with a stack
 * (which it shows whenever NODE_ENV is not production, as under jest). Transport only, so one store.
 */
describe('HTTP errors', () => {
  let api: TestApi;
  let base: string;

  beforeAll(async () => {
    api = await startTestApi('sqlite');
    base = new URL('/', api.url).href;
  });

  afterAll(async () => {
    await api.close();
  });

  /** Status, content type and body of a response, the body parsed. */
  async function answer(response: Response): Promise<{ status: number; type: string | null; body: unknown }> {
    const text = await response.text();
    expect(text).not.toMatch(/<html|<pre>|node_modules|\bat [\w.<>]+ \(|stack/i);
    return { status: response.status, type: response.headers.get('content-type'), body: JSON.parse(text) };
  }

  const error = (code: string) => ({ errors: [{ message: expect.any(String), extensions: { code } }] });
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${api.token}`, ...headers }, body });

  it('answers truncated JSON with 400 BAD_REQUEST', async () => {
    expect(await answer(await post('{"query": "{ viewer { email'))).toEqual({ status: 400, type: expect.stringMatching(/^application\/json/), body: error('BAD_REQUEST') });
  });

  it('answers malformed JSON before any token is checked, still without a stack', async () => {
    const response = await fetch(api.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{query: nope}' });
    expect(await answer(response)).toEqual({ status: 400, type: expect.stringMatching(/^application\/json/), body: error('BAD_REQUEST') });
  });

  it('answers an unknown charset with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await post('{"query": "{ viewer { email } }"}', { 'content-type': 'application/json; charset=latin-9' });
    expect(await answer(response)).toEqual({ status: 415, type: expect.stringMatching(/^application\/json/), body: error('UNSUPPORTED_MEDIA_TYPE') });
  });

  it('answers an unknown content encoding with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await post('{"query": "{ viewer { email } }"}', { 'content-encoding': 'x-zip' });
    expect(await answer(response)).toEqual({ status: 415, type: expect.stringMatching(/^application\/json/), body: error('UNSUPPORTED_MEDIA_TYPE') });
  });

  it('answers a gzip body that is not gzip with 400 BAD_REQUEST, and reads a real one', async () => {
    const broken = await post('not gzip at all', { 'content-encoding': 'gzip' });
    expect(await answer(broken)).toEqual({ status: 400, type: expect.stringMatching(/^application\/json/), body: error('BAD_REQUEST') });
    const good = await post(gzipSync('{"query": "{ viewer { email } }"}'), { 'content-encoding': 'gzip' });
    expect(await answer(good)).toEqual({ status: 200, type: expect.stringMatching(/json/), body: { data: { viewer: { email: expect.any(String) } } } });
  });

  it('answers a body over the limit with 413 PAYLOAD_TOO_LARGE', async () => {
    const huge = JSON.stringify({ query: '{ viewer { email } }', variables: { pad: 'x'.repeat(11 * 1024 * 1024) } });
    expect(await answer(await post(huge))).toEqual({ status: 413, type: expect.stringMatching(/^application\/json/), body: error('PAYLOAD_TOO_LARGE') });
  });

  it('answers a body that is not JSON with 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const response = await post('query=%7Bviewer%7D', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(await answer(response)).toEqual({ status: 415, type: expect.stringMatching(/^application\/json/), body: error('UNSUPPORTED_MEDIA_TYPE') });
  });

  it('answers a method the API does not take with 405 METHOD_NOT_ALLOWED, naming the ones it takes', async () => {
    const response = await fetch(api.url, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"query": "{ viewer { email } }"}' });
    expect(response.headers.get('allow')).toBe('GET, POST');
    expect(await answer(response)).toEqual({ status: 405, type: expect.stringMatching(/^application\/json/), body: error('METHOD_NOT_ALLOWED') });
  });

  it('answers an unknown path or method elsewhere with 404 NOT_FOUND', async () => {
    for (const [method, path] of [['GET', 'nowhere.json'], ['DELETE', 'nowhere'], ['POST', 'healthz'], ['GET', 'assets/gone-000000.js']]) {
      const response = await fetch(new URL(path, base), { method, headers: { accept: 'application/json' } });
      expect(await answer(response)).toEqual({ status: 404, type: expect.stringMatching(/^application\/json/), body: error('NOT_FOUND') });
    }
  });

  it('answers a request the HTTP parser refuses with 400 JSON', async () => {
    const { port } = new URL(api.url);
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(Number(port), '127.0.0.1', () => socket.write('GET /graphql HTTP/1.1\r\nHost: x\r\nBad Header Line\r\n\r\n'));
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString('utf8')));
      socket.on('end', () => resolve(received));
      socket.on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(raw).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual(error('BAD_REQUEST'));
  });
});
