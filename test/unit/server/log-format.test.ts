import { Writable } from 'node:stream';
import { createLogger } from '../../../src/log';

/** What the two formats write for one line. */
function written(format: 'json' | 'pretty'): string {
  let text = '';
  const destination = new Writable({ write(chunk: Buffer, _encoding, done) { text += chunk.toString('utf8'); done(); } });
  const logger = createLogger({ level: 'info', format, destination: format === 'json' ? { write: (line: string) => void (text += line) } : destination });
  logger.info({ requestId: 'r-1', status: 200, authorization: 'Bearer tl_secret' }, 'request');
  logger.debug('below the level');
  return text;
}

describe('log formats', () => {
  it('writes JSON lines for collectors, with the authorization redacted', () => {
    const [line, ...rest] = written('json').split('\n');
    expect(rest).toEqual(['']);
    expect(JSON.parse(line)).toEqual({ level: 30, time: expect.any(String), requestId: 'r-1', status: 200, authorization: '[redacted]', msg: 'request' });
  });

  it('writes one readable line for a person at a terminal', () => {
    const text = written('pretty');
    expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: request\n/);
    expect(text).toContain('requestId: "r-1"');
    expect(text).not.toContain('tl_secret');
    expect(text).not.toContain('below the level');
  });
});
