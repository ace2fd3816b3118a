import { parseArgs } from 'node:util';
import { ConversationRecord } from '../conversations/record';
import { validateConversation } from '../conversations/validate';
import { writeConversations } from '../conversations/writer';
import { Database } from '../db/database';
import { generateDemoConversations } from '../demo/generate';
import { COMMON_OPTIONS, integerValue, parseCommandLine, printResult, printUsage, requireAccount, requiredFlag, withDatabase } from './command';

export const DEFAULT_DEMO_CONVERSATIONS = 5000;
const MAX_DEMO_CONVERSATIONS = 10_000_000;
const BATCH_SIZE = 500;

export const USAGE = `Usage: threadline demo --account ID [--conversations N] [--seed S] [--json]

Fills the account with realistic generated chat and email conversations over the 6 months up to
now. The same seed gives the same conversations (ids demo-000001, ...), so running it again
updates them instead of adding more.
  --account ID         the account to fill
  --conversations N    how many conversations (default ${DEFAULT_DEMO_CONVERSATIONS})
  --seed S             random seed, a non-negative integer (default 1)
  --json               print {"imported": N}`;

export async function run(argv: string[]): Promise<void> {
  const { values } = parseCommandLine('demo', () =>
    parseArgs({
      args: argv,
      options: { ...COMMON_OPTIONS, account: { type: 'string' }, conversations: { type: 'string' }, seed: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }),
  );
  if (values.help) return printUsage(USAGE);
  const accountId = requiredFlag('demo', values.account, 'account');
  const conversations =
    values.conversations === undefined ? DEFAULT_DEMO_CONVERSATIONS : integerValue('demo: --conversations', values.conversations, 0, MAX_DEMO_CONVERSATIONS);
  const seed = values.seed === undefined ? 1 : integerValue('demo: --seed', values.seed, 0, 0xffffffff);
  const { account, result } = await withDatabase(async (db) => {
    const account = await requireAccount(db, accountId);
    return { account, result: await writeDemoConversations(db, account.id, { conversations, seed, now: new Date() }) };
  });
  printResult(
    values.json,
    { imported: result.stored },
    `Generated ${result.stored} demo conversations in account ${account.id} (${result.imported} new, ${result.updated} updated, ${result.unchanged} unchanged).`,
  );
}

export interface DemoWriteResult {
  /** Every generated conversation, now in the account. */
  stored: number;
  imported: number;
  updated: number;
  unchanged: number;
}

/**
 * Streams generated conversations into an account in batched transactions: constant memory
 * whatever the count. A generated conversation that does not validate is a bug, not bad input.
 */
export async function writeDemoConversations(
  db: Database,
  accountId: number,
  options: { conversations: number; seed: number; now: Date },
): Promise<DemoWriteResult> {
  const total: DemoWriteResult = { stored: 0, imported: 0, updated: 0, unchanged: 0 };
  let batch: ConversationRecord[] = [];
  const flush = async () => {
    const result = await writeConversations(db, accountId, batch);
    if (result.failed.length > 0) throw new Error(`demo: ${result.failed.length} generated conversations could not be stored: ${result.failed[0].error}`);
    total.imported += result.imported;
    total.updated += result.updated;
    total.unchanged += result.unchanged;
    total.stored += batch.length;
    batch = [];
  };
  for (const conversation of generateDemoConversations(options)) {
    const validation = validateConversation(conversation);
    if (!validation.ok) throw new Error(`demo: generated conversation ${String(conversation.id)} is invalid: ${validation.error}`);
    batch.push(validation.record);
    if (batch.length >= BATCH_SIZE) await flush();
  }
  if (batch.length > 0) await flush();
  return total;
}
