/// <reference lib="dom" />
// Functions passed to page.evaluate run in the browser, with its globals.
import { readFileSync } from 'node:fs';
import { Browser, Page } from 'playwright-core';
import { ingestReportFixture } from '../fixtures/report-helpers';
import { ADA, ALAN, DOCS_URL, GRACE, MAIN_TIMEZONE, PRICING_BOT, PRICING_URL, WELCOME_BOT } from '../fixtures/reports-fixture';
import { CreateDashboardFromTemplateDocument } from '../graphql/generated/operations';
import { ok, startTestApi, TestApi } from '../support/api';
import { launchBrowser, openSession, screenshot, seriousA11yViolations, Session, sorted, tableRows, tile } from './browser';

/**
 * The web app in Debian's Chromium against a real server on the report fixture, whose numbers are
 * worked out by hand (test/fixtures/reports-fixture.ts). One run of the story a support manager
 * goes through, step by step, each step screenshotted into test-results/browser and checked with
 * axe-core. The app's data comes from the API, whose numbers are tested on both stores elsewhere;
 * here one store (SQLite) serves the app.
 */

// Each step waits for what the page shows; on a busy machine that may take a while.
jest.setTimeout(180_000);

const MARCH = { from: '2026-03-04', to: '2026-03-31' };
const NAME = 'Chat team';

/** The six Chat overview reports over March 4–31 in Amsterdam (test/integration/standard-reports.test.ts). */
const MARCH_NUMBERS: Record<string, { dimensions: string[]; measures: (number | null)[] }[]> = {
  'Chat volume by assignee': [row(null, 3), row(ADA.id, 2), row(ALAN.id, 2), row(GRACE.id, 2)],
  'Chat volume by URL': [row(PRICING_URL, 4), row(DOCS_URL, 2), row(null, 3)],
  'Chat response time by assignee': [row(ADA.id, 105.375), row(GRACE.id, 150), row(ALAN.id, 52.5005), row(null, null)],
  'Time to close chats by assignee': [row(ADA.id, 347400), row(GRACE.id, 4200.375), row(null, 300.5)],
  'Total chats closed by assignee': [row(ADA.id, 2), row(GRACE.id, 2), row(null, 1)],
  'Chat volume by chatflow': [row(PRICING_BOT.id, 3), row(WELCOME_BOT.id, 4), row(null, 2)],
};

function row(value: string | null, measure: number | null) {
  return { dimensions: [value ?? ''], measures: [measure] };
}

describe('the dashboard web app in Chromium', () => {
  let api: TestApi;
  let browser: Browser;
  let base: string;
  let admin: Session;
  let dashboardUrl: string;

  beforeAll(async () => {
    api = await startTestApi('sqlite', { timezone: MAIN_TIMEZONE });
    await ingestReportFixture(api);
    base = new URL('/', api.url).href;
    browser = await launchBrowser();
    admin = await openSession(browser);
  });

  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  async function expectAccessible(page: Page): Promise<void> {
    expect(await seriousA11yViolations(page)).toEqual([]);
  }

  /** Waits until `count` tiles show numbers run for `range` (all time: null) in Amsterdam, none loading. */
  async function waitForTiles(page: Page, count: number, range: { from: string; to: string } | null): Promise<void> {
    const shown = `${range?.from ?? ''}..${range?.to ?? ''} ${MAIN_TIMEZONE}`;
    await page.waitForFunction(
      ([n, key]) => {
        const tiles = [...document.querySelectorAll('section.tile')];
        return tiles.length === n && tiles.every((t) => t.getAttribute('data-shown') === key && t.getAttribute('aria-busy') === 'false');
      },
      [count, shown] as const,
    );
  }

  it('signs in by the link npm start prints, and takes the token off the address bar', async () => {
    const { page } = admin;
    await page.goto(`${base}#token=${encodeURIComponent(api.token)}`);
    await page.getByRole('heading', { name: 'Dashboards', level: 1 }).waitFor();
    expect(page.url()).toBe(base);
    expect(await page.evaluate(() => sessionStorage.getItem('threadline.token'))).toBe(api.token);
    await page.getByText('No dashboards yet').waitFor();
    await screenshot(page, 'signed-in');
    await expectAccessible(page);
  });

  it('creates a dashboard from the Chat overview template and draws its six charts', async () => {
    const { page } = admin;
    await page.getByRole('button', { name: 'Create dashboard' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create dashboard' });
    await dialog.getByRole('radio', { name: /Chat overview/ }).check();
    expect(await dialog.getByRole('checkbox').count()).toBe(6);
    await dialog.getByLabel('Name', { exact: true }).fill(NAME);
    await dialog.getByLabel('Who can see it').selectOption('EVERYONE_VIEW');
    await screenshot(page, 'create-dashboard');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Create dashboard' }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    dashboardUrl = page.url();
    await waitForTiles(page, 6, null);
    expect(await page.locator('section.tile h2').allTextContents()).toEqual(Object.keys(MARCH_NUMBERS));
    expect(await page.locator('.tile .chart svg').count()).toBe(6);
    // All time: every chat of the account, none of the other account's.
    expect(sorted(await tableRows(tile(page, 'Chat volume by assignee')))).toEqual(sorted([row(null, 3), row(ADA.id, 4), row(ALAN.id, 3), row(GRACE.id, 4)]));
    await screenshot(page, 'dashboard-all-time');
    await expectAccessible(page);
  });

  it('changes the date range: all six charts show the fixture\'s March numbers', async () => {
    const { page } = admin;
    await page.getByLabel('Date range').selectOption('custom');
    await page.getByLabel('From', { exact: true }).fill(MARCH.from);
    await page.getByLabel('To', { exact: true }).fill(MARCH.to);
    await page.getByRole('button', { name: 'Apply dates' }).click();
    await page.getByText(`Showing ${MARCH.from} to ${MARCH.to}`).waitFor();
    await waitForTiles(page, 6, MARCH);
    for (const [title, rows] of Object.entries(MARCH_NUMBERS)) {
      expect({ title, rows: sorted(await tableRows(tile(page, title))) }).toEqual({ title, rows: sorted(rows) });
    }
    const volume = tile(page, 'Chat volume by assignee');
    await volume.getByRole('button', { name: 'Show data table' }).click();
    await volume.getByRole('table').waitFor();
    await screenshot(page, 'dashboard-march');
    await expectAccessible(page);
  });

  it('drills into a bar: the dialog lists exactly its conversations', async () => {
    const { page } = admin;
    const chart = tile(page, 'Chat response time by assignee').locator('.chart svg');
    await chart.scrollIntoViewIfNeeded();
    // The bar of an assignee starts at the axis, right of its label.
    const label = await chart.locator('text', { hasText: GRACE.name }).boundingBox();
    expect(label).not.toBeNull();
    await page.mouse.click(label!.x + label!.width + 20, label!.y + label!.height / 2);
    const dialog = page.getByRole('dialog', { name: `Chat response time by assignee: ${GRACE.name}` });
    await dialog.getByRole('table').waitFor();
    expect(await dialog.locator('.drill-summary').textContent()).toBe('2m 30s average first response time · 2 conversations');
    expect((await dialog.locator('tbody th[scope=row]').allTextContents()).sort()).toEqual(['ch-03', 'ch-06']);
    await screenshot(page, 'drilldown');
    await expectAccessible(page);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('drills in by keyboard from the data table', async () => {
    const { page } = admin;
    const volume = tile(page, 'Chat volume by assignee');
    await volume.getByRole('button', { name: /for Unassigned: show the conversations/ }).focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: 'Chat volume by assignee: Unassigned' });
    await dialog.getByRole('table').waitFor();
    expect((await dialog.locator('tbody th[scope=row]').allTextContents()).sort()).toEqual(['ch-04', 'ch-05', 'ch-12']);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    // Newest first, as the API pages them.
    expect(csv.split('\r\n').filter(Boolean).map((line) => line.split(',')[0])).toEqual(['id', 'ch-05', 'ch-12', 'ch-04']);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('edits a report\'s chart type, break-down and a filter, and the chart changes', async () => {
    const { page } = admin;
    await tile(page, 'Chat volume by assignee').getByRole('link', { name: 'Edit Chat volume by assignee' }).click();
    await page.getByRole('heading', { name: 'Edit report: Chat volume by assignee' }).waitFor();
    await page.getByLabel('Name', { exact: true }).fill('Pricing chats by assignee');
    await page.getByLabel('Chart type').selectOption('COLUMN');
    await page.getByLabel('Break down by').selectOption('status');
    await page.getByRole('button', { name: 'Add filter' }).click();
    await page.getByLabel('Property', { exact: true }).selectOption('chatflow');
    await page.getByLabel('Condition', { exact: true }).selectOption('IN');
    // Picked by name from the account's chatflows, never a typed id.
    await page.getByRole('checkbox', { name: /Pricing bot/ }).check();
    await screenshot(page, 'editor');
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Save report' }).click();
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    const edited = tile(page, 'Pricing chats by assignee');
    await edited.locator('.chart[data-chart-type=COLUMN] svg').waitFor();
    await waitForTiles(page, 6, MARCH);
    // March chats started by the pricing bot: ch-01 (Ada), ch-03 (Grace), ch-07 (Alan), all closed.
    expect(sorted(await tableRows(edited))).toEqual(sorted([
      { dimensions: [ADA.id, 'CLOSED'], measures: [1] },
      { dimensions: [GRACE.id, 'CLOSED'], measures: [1] },
      { dimensions: [ALAN.id, 'CLOSED'], measures: [1] },
    ]));
    expect(await edited.locator('thead th').allTextContents()).toEqual(['Assignee', 'Status', 'Conversations']);
    await screenshot(page, 'edited-report');
    await expectAccessible(page);
  });

  it('keeps every revision of the edited report, and restores an earlier one', async () => {
    const { page } = admin;
    await tile(page, 'Pricing chats by assignee').getByRole('link', { name: 'Edit Pricing chats by assignee' }).click();
    await page.getByLabel('Name', { exact: true }).fill('Pricing chats, renamed');
    await page.getByRole('button', { name: 'Save report' }).click();
    await tile(page, 'Pricing chats, renamed').getByRole('link', { name: 'Edit Pricing chats, renamed' }).click();
    const history = page.getByRole('region', { name: 'Revision history' });
    await history.getByText('Edited · revision 2').waitFor();
    expect(await history.locator('li').allTextContents()).toEqual([
      expect.stringMatching(/^Edited · revision 2 .* changed name$/),
      expect.stringMatching(/^Saved · revision 1 .*Restore revision 1$/),
    ]);
    await history.getByRole('button', { name: 'Restore revision 1' }).click();
    await history.getByText('Restored · revision 3').waitFor();
    await page.getByLabel('Name', { exact: true }).and(page.locator('[value="Pricing chats by assignee"]')).waitFor();
    await screenshot(page, 'revisions');
    await expectAccessible(page);
    await page.getByRole('link', { name: 'Cancel' }).click();
    await tile(page, 'Pricing chats by assignee').locator('.chart[data-chart-type=COLUMN] svg').waitFor();
  });

  it('fits a phone\'s width: one column, nothing wider than the screen', async () => {
    const phone = await openSession(browser, { width: 390, height: 844 });
    const { page } = phone;
    await page.goto(`${dashboardUrl}#token=${encodeURIComponent(api.token)}`);
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    await waitForTiles(page, 6, null);
    const widths = await page.locator('section.tile').evaluateAll((tiles) => tiles.map((t) => t.getBoundingClientRect().width));
    expect(widths.every((w) => w > 300 && w <= 390)).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await screenshot(page, 'phone');
    await expectAccessible(page);
    expect(phone.problems).toEqual([]);
    await phone.context.close();
  });

  it('opens the GraphQL explorer offline, signed in as the app is', async () => {
    const { page, requests } = admin;
    const sentWithToken = (marker: string) =>
      page.waitForResponse((r) => r.url() === api.url && r.request().method() === 'POST' && (r.request().postData() ?? '').includes(marker)).then(async (r) => ({
        status: r.status(),
        authorization: r.request().headers().authorization,
        body: await r.text(),
      }));
    const introspection = sentWithToken('__schema');
    await page.getByRole('link', { name: 'GraphQL explorer' }).click();
    expect(await introspection).toMatchObject({ status: 200, authorization: `Bearer ${api.token}` });
    // The editor loads after the page: run once it shows the default query.
    await page.locator('.graphiql-query-editor .view-lines', { hasText: 'dashboards' }).waitFor();
    const run = sentWithToken('dashboards');
    await page.getByRole('button', { name: /Execute query/ }).click();
    expect(JSON.parse((await run).body).data.dashboards).toEqual([{ id: expect.any(String), name: NAME }]);
    expect(requests.filter((url) => !url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:'))).toEqual([]);
    await screenshot(page, 'explorer');
    expect(admin.problems).toEqual([]);
  });

  it('shows a view-only member no edit controls', async () => {
    const member = await openSession(browser);
    const { page } = member;
    // The sign-in link opens on a dashboard: here the only one, shared with everyone.
    await page.goto(`${base}#token=${encodeURIComponent(await api.userToken('MEMBER'))}`);
    await page.getByRole('heading', { name: NAME, level: 1 }).waitFor();
    expect(page.url()).toBe(dashboardUrl);
    await waitForTiles(page, 6, null);
    await page.getByText('View only').waitFor();
    for (const name of [/^Edit/, /^Remove/, /^Move/, 'Rename', 'Add report', 'Delete dashboard']) {
      expect({ name: String(name), count: await page.getByRole('button', { name }).count() }).toEqual({ name: String(name), count: 0 });
    }
    expect(await page.getByRole('link', { name: /^Edit/ }).count()).toBe(0);
    expect(await page.locator('.tile .chart svg').count()).toBe(6);
    await screenshot(page, 'view-only');
    await expectAccessible(page);
    expect(member.problems).toEqual([]);
    await member.context.close();
  });

  it('tells a FREE-plan user which plan editing needs', async () => {
    const free = await api.otherAccount({ name: 'Free Co', plan: 'FREE', timezone: 'UTC' });
    const created = ok(await api.request(CreateDashboardFromTemplateDocument, { input: { templateId: 'chat-overview', name: 'Free chats', privacy: 'EVERYONE_VIEW' } }, free.token));
    const session = await openSession(browser);
    const { page } = session;
    await page.goto(`${base}dashboards/${created.createDashboardFromTemplate.id}#token=${encodeURIComponent(free.token)}`);
    await page.getByRole('heading', { name: 'Free chats', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'Edit Chat volume by assignee' }).click();
    const gate = page.getByRole('alert').filter({ hasText: 'Editing needs another plan' });
    await gate.waitFor();
    expect(await gate.textContent()).toContain('Editing reports needs the PROFESSIONAL or ENTERPRISE plan or the reporting add-on; this account is on FREE without the add-on.');
    expect(await page.getByRole('button', { name: 'Save report' }).count()).toBe(0);
    await screenshot(page, 'free-plan');
    await expectAccessible(page);
    await session.context.close();
  });
});
