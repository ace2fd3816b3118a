import { parseArgs } from 'node:util';
import { IsNull } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { createAccount } from '../accounts/accounts';
import { User } from '../auth/user.entity';
import { createUser } from '../auth/users';
import { Database } from '../db/database';
import { createDashboardFromTemplate } from '../dashboards/service';
import { DASHBOARD_TEMPLATES } from '../dashboards/templates';
import { contextFor } from '../server/context';
import { DEFAULT_DEMO_CONVERSATIONS, writeDemoConversations } from './demo';
import { demoToken, demoTokenFile, saveToken, START_TOKEN_NAME } from './demo-token';
import { note, openCliDatabase, parseCommandLine, printResult, printUsage } from './command';
import { resolvePort, SERVE_OPTIONS, serveUntilSignal } from './serve';

export const DEMO_EMAIL = 'demo@example.com';

export const USAGE = `Usage: threadline start [--port N] [--host HOST] [--json]

What "npm start" runs. On an empty database it creates the account "Demo" (PROFESSIONAL,
Europe/Amsterdam) with the ADMIN user ${DEMO_EMAIL}, ${DEFAULT_DEMO_CONVERSATIONS} demo conversations and the Chat and Email
overview dashboards; then it
serves GraphQL and the web app like "threadline serve" and prints a link that opens the
dashboards signed in, the URL, an API token for the demo user (or
the first active ADMIN of the first account) and a curl example. The token is kept in a file
next to the data (mode 0600; for the default database data/threadline.demo-token) and printed
again by every start while it works; otherwise a new one is issued and start's earlier ones are
revoked.
  --port N      the port to listen on (default: env PORT, else 4000)
  --host HOST   the interface to listen on (default: env HOST, else 127.0.0.1)
  --json        print {"url": "...", "appUrl": "...", "accountId": "...", "email": "...", "token": "...", "tokenFile": "..."}`;

interface Demo {
  account: Account;
  user: User | null;
  token: string | null;
  /** Where the token is kept; null for an in-memory database or when it could not be written. */
  tokenFile: string | null;
}

export async function run(argv: string[]): Promise<void> {
  const { values } = parseCommandLine('start', () => parseArgs({ args: argv, options: SERVE_OPTIONS, strict: true, allowPositionals: false }));
  if (values.help) return printUsage(USAGE);
  const port = resolvePort(values.port);
  const db = await openCliDatabase();
  try {
    const demo = await ensureDemo(db, demoTokenFile(db.config), (line) => note(values.json, line));
    await serveUntilSignal(db, { port, host: values.host }, (url) =>
      printResult(
        values.json,
        { url, appUrl: demo.token ? signInLink(url, demo.token) : null, accountId: String(demo.account.id), email: demo.user?.email ?? null, token: demo.token, tokenFile: demo.tokenFile },
        () => welcome(url, demo),
      ),
    );
  } finally {
    await db.close();
  }
}

/** The demo account on an empty database; otherwise the first account. */
async function ensureDemo(db: Database, tokenFile: string | null, log: (line: string) => void): Promise<Demo> {
  const accounts = db.dataSource.getRepository(Account);
  const users = db.dataSource.getRepository(User);
  const [first] = await accounts.find({ order: { id: 'ASC' }, take: 1 });
  if (!first) {
    log(`Empty database: creating the demo account with ${DEFAULT_DEMO_CONVERSATIONS} conversations...`);
    const account = await createAccount(db, { name: 'Demo', plan: 'PROFESSIONAL', timezone: 'Europe/Amsterdam' });
    const { user, token } = await createUser(db, account, { email: DEMO_EMAIL, name: 'Demo Admin', role: 'ADMIN' }, { name: START_TOKEN_NAME });
    const result = await writeDemoConversations(db, account.id, { conversations: DEFAULT_DEMO_CONVERSATIONS, seed: 1, now: new Date() });
    await createDemoDashboards(db, account, user);
    log(`Created account ${account.id} "Demo" with ${result.stored} conversations, the Chat and Email overview dashboards and the ADMIN user ${DEMO_EMAIL}.`);
    return { account, user, token, tokenFile: saveToken(tokenFile, token, log) };
  }
  const active = { deactivatedAt: IsNull() };
  const [demoUser] = await users.find({ where: { email: DEMO_EMAIL, ...active }, order: { accountId: 'ASC' }, take: 1 });
  const [admin] = demoUser ? [demoUser] : await users.find({ where: { accountId: first.id, role: 'ADMIN', ...active }, order: { createdAt: 'ASC' }, take: 1 });
  if (!admin) return { account: first, user: null, token: null, tokenFile: null };
  const account = admin.accountId === first.id ? first : ((await accounts.findOneBy({ id: admin.accountId })) ?? first);
  return { account, user: admin, ...(await demoToken(db, admin, tokenFile, log)) };
}

/** The two dashboards of the library, visible to everyone, as a new HubSpot portal shows them. */
async function createDemoDashboards(db: Database, account: Account, user: User): Promise<void> {
  const ctx = contextFor(db, {
    userId: user.id,
    email: user.email,
    role: user.role,
    teamId: user.teamId,
    scope: 'ADMIN',
    account: { id: account.id, name: account.name, plan: account.plan, reportingAddon: account.reportingAddon, timezone: account.timezone },
  });
  for (const template of DASHBOARD_TEMPLATES) {
    await createDashboardFromTemplate(ctx, { templateId: template.id, name: template.title, privacy: 'EVERYONE_VIEW' });
  }
}

/**
 * The web app's address with the token in the fragment, which browsers never send to a server:
 * the app keeps it for the tab and takes it off the address bar.
 */
export function signInLink(graphqlUrl: string, token: string): string {
  return `${new URL('/', graphqlUrl).href}#token=${encodeURIComponent(token)}`;
}

function welcome(url: string, demo: Demo): string {
  const lines = [`Threadline GraphQL server listening at ${url} (Ctrl-C to stop)`];
  if (!demo.user || !demo.token) {
    lines.push(
      `Account ${demo.account.id} has no active ADMIN user to issue a token for. Create one with:`,
      `  threadline user create --account ${demo.account.id} --email you@example.com --role ADMIN`,
    );
    return lines.join('\n');
  }
  const query = JSON.stringify({
    query: '{ runReport(input: {definitionId: "chat-volume-by-assignee"}) { rows { dimensionValues { label } measureValues } } }',
  });
  lines.push(
    `Open the dashboards (this link signs you in): ${signInLink(url, demo.token)}`,
    '',
    `API token for ${demo.user.email} (account ${demo.account.id} "${demo.account.name}"): ${demo.token}`,
    ...(demo.tokenFile ? [`(kept in ${demo.tokenFile}; every start prints it again while it works)`] : []),
    '',
    'Try it:',
    `  curl -s ${url} \\`,
    `    -H 'Content-Type: application/json' \\`,
    `    -H 'Authorization: Bearer ${demo.token}' \\`,
    `    -d '${query}'`,
  );
  return lines.join('\n');
}
