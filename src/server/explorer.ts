import { createHash } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import { ruruHTML } from 'ruru/server';
import { dirname, join } from 'node:path';
import express from 'express';

/** Where the explorer's own scripts, styles and editor workers are served: nothing comes from a CDN. */
export const EXPLORER_ASSETS = '/explorer/';

/**
 * Before the explorer starts: the API token of the web app's session (or a `#token=` link, taken
 * off the address bar at once) becomes the Authorization header of every tab. Tokens never leave
 * the browser except in that header.
 */
const TOKEN_SCRIPT = `(function () {
  var match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  var token = match ? decodeURIComponent(match[1]) : sessionStorage.getItem('threadline.token');
  if (match) {
    sessionStorage.setItem('threadline.token', token);
    history.replaceState(null, '', location.pathname + location.search);
  }
  if (!token) return;
  var headers = JSON.stringify({ Authorization: 'Bearer ' + token }, null, 2);
  RURU_CONFIG.initialHeaders = headers;
  RURU_CONFIG.defaultHeaders = headers;
  // The schema is fetched before the headers editor is read: every request carries the token
  // unless the headers editor gives another Authorization.
  RURU_CONFIG.fetcher = function (params, options) {
    var sent = Object.assign({ 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json', Authorization: 'Bearer ' + token }, (options && options.headers) || {});
    return fetch(RURU_CONFIG.endpoint, { method: 'POST', headers: sent, body: JSON.stringify(params) }).then(function (response) { return response.json(); });
  };
})();`;

let page: { html: string; csp: string } | undefined;

/** Ruru (GraphiQL) for `endpoint`, with a CSP that allows exactly its inline scripts. */
function explorerPage(endpoint: string): { html: string; csp: string } {
  if (page) return page;
  const html = ruruHTML({
    endpoint,
    staticPath: EXPLORER_ASSETS,
    clientConfig: { defaultQuery: '{\n  viewer {\n    email\n    role\n    account { name plan }\n  }\n  dashboards { id name }\n}\n' },
    htmlParts: {
      titleTag: '<title>Threadline GraphQL explorer</title>',
      configScript: (original) => `${original}\n<script>${TOKEN_SCRIPT}</script>`,
    },
  });
  const hashes = [...html.matchAll(/<script(?: type="module")?>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`);
  const csp = [
    "default-src 'self'",
    `script-src 'self' ${hashes.join(' ')}`,
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  page = { html, csp };
  return page;
}

/** A browser that opens the API's URL (asking for HTML, without a query) gets the explorer. */
export function wantsExplorer(req: Request): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && req.query.query === undefined && req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html';
}

export function explorerHandler(endpoint: string): RequestHandler {
  return (req: Request, res: Response, next) => {
    if (!wantsExplorer(req)) return next();
    const { html, csp } = explorerPage(endpoint);
    res.set({ 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-cache', 'Content-Security-Policy': csp });
    res.send(html);
  };
}

/**
 * The explorer's static files: Ruru's bundle (its script, styles, fonts and editor workers) from
 * the installed package, served as files (ruru/static's own server imports them dynamically,
 * which jest's module sandbox cannot do).
 */
export function explorerAssets(): RequestHandler {
  const folder = join(dirname(require.resolve('ruru/server')), '..', 'static');
  return express.static(folder, { index: false, maxAge: '1d' });
}
