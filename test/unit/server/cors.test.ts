import { corsOriginsFrom } from '../../../src/server/cors';

describe('THREADLINE_CORS_ORIGINS', () => {
  it('is no origin when unset or empty', () => {
    expect(corsOriginsFrom({})).toEqual([]);
    expect(corsOriginsFrom({ THREADLINE_CORS_ORIGINS: '  ' })).toEqual([]);
  });

  it('takes exact origins, comma-separated, a trailing slash forgiven', () => {
    expect(corsOriginsFrom({ THREADLINE_CORS_ORIGINS: 'https://reports.example.com, http://localhost:5173/' })).toEqual(['https://reports.example.com', 'http://localhost:5173']);
  });

  it.each(['reports.example.com', 'https://reports.example.com/app', 'ftp://example.com', '*', 'https://example.com?x=1'])('refuses %s, saying what an origin is', (value) => {
    expect(() => corsOriginsFrom({ THREADLINE_CORS_ORIGINS: value })).toThrow(`THREADLINE_CORS_ORIGINS: "${value}" is not an origin such as https://reports.example.com (scheme, host and port only)`);
  });
});
