import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, TestApi } from '../support/api';

/**
 * What a browser meets over HTTP: CORS for the listed origins only, CSRF prevention that lets
 * token-carrying GET queries through, the offline explorer at /graphql, and the web app at /
 * with its security and cache headers. Transport only, so one store.
 */
const ALLOWED = 'https://reports.example.com';
const QUERY = encodeURIComponent('{ viewer { email } }');

describe('the API and the web app in a browser\'s eyes', () => {
  let api: TestApi;
  let webRoot: string;
  let base: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'threadline-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>app</title><script type="module" src="/assets/app-1a2b3c.js"></script>');
    writeFileSync(join(webRoot, 'assets', 'app-1a2b3c.js'), 'console.log(1);');
    api = await startTestApi('sqlite', {}, {}, { corsOrigins: [ALLOWED], webRoot });
    base = new URL('/', api.url).href;
  });

  afterAll(async () => {
    await api.close();
    rmSync(webRoot, { recursive: true, force: true });
  });

  const preflight = (origin: string) =>
    fetch(api.url, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });

  describe('CORS', () => {
    it('answers a listed origin\'s preflight, allowing the Authorization header', async () => {
      const response = await preflight(ALLOWED);
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
      expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
      expect(response.headers.get('access-control-allow-credentials')).toBeNull();
    });

    it('gives any other origin nothing its page could use', async () => {
      const response = await preflight('https://evil.example');
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
      const query = await fetch(`${api.url}?query=${QUERY}`, { headers: { origin: 'https://evil.example', authorization: `Bearer ${api.token}` } });
      expect(query.headers.get('access-control-allow-origin')).toBeNull();
    });

    it('marks a listed origin\'s answers readable', async () => {
      const response = await fetch(`${api.url}?query=${QUERY}`, { headers: { origin: ALLOWED, authorization: `Bearer ${api.token}` } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(ALLOWED);
    });

    it('lists no origin unless configured', async () => {
      const plain = await startTestApi('sqlite');
      try {
        const response = await fetch(plain.url, { method: 'OPTIONS', headers: { origin: ALLOWED, 'access-control-request-method': 'POST' } });
        expect(response.headers.get('access-control-allow-origin')).toBeNull();
      } finally {
        await plain.close();
      }
    });
  });

  describe('CSRF prevention', () => {
    it('lets a GET query through when it carries the token (a browser preflights that header)', async () => {
      const response = await fetch(`${api.url}?query=${QUERY}`, { headers: { authorization: `Bearer ${api.token}` } });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ data: { viewer: { email: expect.stringMatching(/@example\.com$/) } } });
    });

    it('still blocks a simple GET, which any page could make with an <img> or a form', async () => {
      const response = await fetch(`${api.url}?query=${QUERY}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/Cross-Site Request Forgery/);
    });

    it('never runs a mutation from a GET', async () => {
      const mutation = encodeURIComponent('mutation { deleteDashboard(id: "x") }');
      const response = await fetch(`${api.url}?query=${mutation}`, { headers: { authorization: `Bearer ${api.token}` } });
      expect(response.status).toBe(405);
    });
  });

  describe('the explorer', () => {
    it('serves a browser opening /graphql a self-contained GraphiQL whose CSP allows its own scripts only', async () => {
      const response = await fetch(api.url, { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await response.text();
      expect(html).toContain('/explorer/ruru.js');
      expect(html).toContain("sessionStorage.getItem('threadline.token')");
      // Nothing from a CDN: every URL in the page is a path of this server.
      expect(html.match(/https?:\/\/[^\s"'<>]+/g) ?? []).toEqual([]);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/);
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
    });

    it('serves its scripts from this server', async () => {
      const response = await fetch(`${base}explorer/ruru.js`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/javascript/);
    });

    it('leaves API clients the API: JSON clients and GET queries never get the page', async () => {
      const response = await fetch(`${api.url}?query=${QUERY}`, { headers: { accept: 'text/html', authorization: `Bearer ${api.token}` } });
      expect(response.headers.get('content-type')).toMatch(/json/);
    });
  });

  describe('the web app', () => {
    it('serves its page with security headers, never cached', async () => {
      const response = await fetch(base);
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>app</title>');
      expect(Object.fromEntries(['cache-control', 'x-content-type-options', 'referrer-policy', 'x-frame-options'].map((h) => [h, response.headers.get(h)]))).toEqual({
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      });
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("connect-src 'self'");
      expect(csp).toContain("frame-ancestors 'none'");
    });

    it('answers its own pages with the app, so a reload keeps the page', async () => {
      const response = await fetch(`${base}dashboards/abc/tiles/def/edit?range=LAST_7_DAYS`, { headers: { accept: 'text/html' } });
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('<title>app</title>');
    });

    it('caches hashed assets for good and answers a missing one 404, not with the page', async () => {
      const asset = await fetch(`${base}assets/app-1a2b3c.js`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const missing = await fetch(`${base}assets/gone-000000.js`, { headers: { accept: 'text/html' } });
      expect(missing.status).toBe(404);
      expect(await missing.text()).not.toContain('<title>app</title>');
    });

    it('says how to build it when it is not built', async () => {
      const empty = mkdtempSync(join(tmpdir(), 'threadline-web-'));
      const bare = await startTestApi('sqlite', {}, {}, { webRoot: empty });
      try {
        const response = await fetch(new URL('/', bare.url), { headers: { accept: 'text/html' } });
        expect(response.status).toBe(404);
        expect(await response.text()).toMatch(/npm run build/);
      } finally {
        await bare.close();
        rmSync(empty, { recursive: true, force: true });
      }
    });
  });
});
