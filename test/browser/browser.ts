/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, with its globals.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, BrowserContext, chromium, Locator, Page } from 'playwright-core';
import { defaultWebRoot } from '../../src/server/web';

/**
 * Debian's Chromium, driven by playwright-core: nothing is downloaded. As root it needs
 * --no-sandbox; the other switches keep it from calling hosts this machine cannot reach.
 */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage'];

/** Screenshots of every step, kept by CI. */
export const SCREENSHOTS = join(__dirname, '..', '..', 'test-results', 'browser');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`);
  if (!existsSync(join(defaultWebRoot(), 'index.html'))) throw new Error('The web app is not built (dist/web): run `npm run build` first, as `npm test` does');
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
  // launch() gives the browser a fresh temporary profile of its own, removed when it closes.
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export interface Session {
  context: BrowserContext;
  page: Page;
  /** What the page logged as an error (a failed script, a CSP violation): a test expects none. */
  problems: string[];
  /** Every URL the page asked for. */
  requests: string[];
}

export async function openSession(browser: Browser, viewport = { width: 1280, height: 800 }): Promise<Session> {
  // Less motion, as a reader may ask for: charts are drawn in place, so a click lands on a bar.
  const context = await browser.newContext({ viewport, acceptDownloads: true, reducedMotion: 'reduce' });
  // The machine may be busy: waiting for the page is waiting for a state, so allow it time.
  context.setDefaultTimeout(60_000);
  const page = await context.newPage();
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('request', (request) => requests.push(request.url()));
  return { context, page, problems, requests };
}

let step = 0;

/** Saves a screenshot of the page as the next numbered step, into test-results/browser. */
export async function screenshot(page: Page, name: string): Promise<void> {
  step += 1;
  await page.screenshot({ path: join(SCREENSHOTS, `${String(step).padStart(2, '0')}-${name}.png`), fullPage: true });
}

const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical violations on the page as it is now (an open dialog included).
 * Evaluated through the DevTools protocol, so the app's CSP, which allows no inline script, stays on.
 */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`);
}

/** A dashboard tile by its title. */
export function tile(page: Page, title: string): Locator {
  return page.locator('section.tile').filter({ has: page.getByRole('heading', { name: title, exact: true }) });
}

/**
 * The rows of a tile's data table (shown or not): dimension values (the API's values, '' for no
 * value) and the exact numbers behind each cell (null where there is none).
 */
export async function tableRows(tileLocator: Locator): Promise<{ dimensions: string[]; measures: (number | null)[] }[]> {
  return tileLocator.locator('table.data-table tbody tr').evaluateAll((rows) =>
    rows.map((row) => ({
      dimensions: [...row.querySelectorAll('th[scope=row]')].map((th) => th.getAttribute('data-value') ?? ''),
      measures: [...row.querySelectorAll('td')].map((td) => {
        const value = td.getAttribute('data-value');
        return value === null || value === '' ? null : Number(value);
      }),
    })),
  );
}

/** Rows sorted by their dimension values, for comparing grouped reports whatever their order. */
export function sorted<T extends { dimensions: string[] }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => JSON.stringify(a.dimensions).localeCompare(JSON.stringify(b.dimensions)));
}
