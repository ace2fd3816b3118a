import { knownDataVersion, listingReader } from '../accounts/data-version';
import { Caller } from '../auth/caller';
import { BadInput } from '../errors';
import { compileFilters, FilterSpec } from './query/filters';
import { loadPropertyCatalog } from './query/properties';
import { parseTimezone } from '../calendar/time';
import { ingestConversations, IngestReport } from './import';
import { ConversationPage, PageArgs, pageConversations } from './list';

export const MAX_INGEST = 1000;

export interface ConversationQuery extends PageArgs {
  filters?: readonly FilterSpec[] | null;
  /** Zone for local dates in date filters; default the account's. */
  timezone?: string | null;
}

/** The caller's conversations that pass every filter, newest first, one page at a time. */
export async function listConversations(ctx: Caller, query: ConversationQuery): Promise<ConversationPage> {
  const accountId = ctx.viewer.account.id;
  const timezone = query.timezone ? parseTimezone(query.timezone, 'timezone') : ctx.viewer.account.timezone;
  const catalog = await loadPropertyCatalog(ctx.db, accountId);
  const where = compileFilters(query.filters ?? [], { dialect: ctx.db.dialect, catalog, timezone });
  return ctx.db.inAccountTurn(accountId, async () => pageConversations(await listingReader(ctx.db, accountId, knownDataVersion(ctx.viewer.account)), accountId, where, query));
}

/** Conversations pushed by a client app: validated and stored exactly like `threadline import` lines. */
export async function ingest(ctx: Caller, inputs: readonly unknown[]): Promise<IngestReport> {
  if (inputs.length > MAX_INGEST) throw new BadInput('input', `takes at most ${MAX_INGEST} conversations per call, got ${inputs.length}; send several calls or use threadline import`);
  return ingestConversations(ctx.db, ctx.viewer.account.id, inputs);
}
