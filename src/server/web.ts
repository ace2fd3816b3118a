import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import express, { Router } from 'express';
import { sendHttpError } from './http-errors';

/**
 * The dashboard web app (web/, built by `npm run build` into dist/web): its files at `/`, and
 * index.html for any other page path so the app's own routes survive a reload. The API stays at
 * `/graphql`; the app talks to it like any client, with the token the user signed in with.
 */
export function webApp(root: string = defaultWebRoot()): Router {
  const router = Router();
  const index = join(root, 'index.html');
  router.use(securityHeaders);
  // Built file names carry a content hash: a new build has new names, so these never go stale.
  router.use('/assets', express.static(join(root, 'assets'), { immutable: true, maxAge: '1y', index: false }), (req, res) => {
    sendHttpError(res, 404, 'NOT_FOUND', `No asset ${req.path.slice(0, 200)}: reload the page for the current build.`);
  });
  router.use(express.static(root, { index: false, setHeaders: (res) => res.setHeader('Cache-Control', 'no-cache') }));
  router.get(/^\/(?!graphql(?:\/|$)|explorer\/|healthz$).*/, (req, res, next) => {
    if (!req.accepts('html')) return next();
    if (!existsSync(index)) {
      sendHttpError(res, 404, 'NOT_FOUND', 'The web app is not built: run `npm run build`, then start the server again.');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  return router;
}

/**
 * The app needs nothing but its own origin: no inline scripts (Vite emits none), no framing, no
 * referrer (the sign-in link's token is in the fragment, which never leaves the browser anyway).
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // ECharts positions its SVG tooltip with inline styles.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

function securityHeaders(_req: express.Request, res: express.Response, next: express.NextFunction): void {
  res.setHeader('Content-Security-Policy', CSP);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
  res.setHeader('X-Frame-Options', 'DENY');
  next();
}

/** dist/web of the package this file belongs to (from dist/src/server or, under test, src/server). */
export function defaultWebRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return join(dir, 'dist', 'web');
}
