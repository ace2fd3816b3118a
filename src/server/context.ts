import { createMemberLoader } from '../auth/members';
import { authenticate, Refusal, Viewer } from '../auth/viewer';
import { ConversationLoaders, createConversationLoaders } from '../conversations/loaders';
import { Database } from '../db/database';
import { Unauthenticated } from '../errors';
import { ReportingCaller, ReportRun } from '../reporting/caller';
import { createReportingLoaders } from '../reporting/loaders';
import { RateLimits } from './rate-limit';

/**
 * What every resolver receives: the database, the caller and per-request DataLoaders. It is the
 * caller resolvers hand to the domain's services (a ReportingCaller, and so a Caller); the rest is
 * for the GraphQL layer alone.
 */
export interface Context extends ReportingCaller {
  loaders: ConversationLoaders;
  /** Every report this request ran, by response path: what `extensions.threadline` tells the client. */
  reportRuns: ReportRun[];
  /** The request asked for server-side timings (header `Threadline-Timing: 1`). */
  timing: boolean;
}

/** What createContext needs of an HTTP request. */
export interface RequestInfo {
  authorization: string | undefined;
  /** The client's address (rate limits on failed authentications key on it). */
  address: string | undefined;
  /** The `Threadline-Timing` header: `1` (or `true`, `on`) asks for each report's server-side milliseconds. */
  timing?: string | undefined;
}

/**
 * Every GraphQL request is authenticated, introspection included: `Authorization: Bearer <token>`,
 * then counted against its token's rate limit. A refused token also counts against its address.
 */
export async function createContext(db: Database, request: RequestInfo, limits: RateLimits | null = null): Promise<Context> {
  return contextOfAdmitted(db, await admitRequest(db, request, limits), request);
}

/**
 * What every GraphQL request goes through before anything else, a cached response included: its
 * address's and token's rate limits and its token's authentication. Resolves to the caller;
 * UNAUTHENTICATED or RATE_LIMITED otherwise.
 */
export async function admitRequest(db: Database, request: RequestInfo, limits: RateLimits | null = null): Promise<Viewer> {
  const address = request.address ?? 'unknown';
  await limits?.admitAddress(address);
  const authentication = await authenticate(db, request.authorization);
  if ('refusal' in authentication) {
    if (authentication.refusal !== 'missing') await limits?.failedAuthentication(address);
    throw new Unauthenticated(REFUSALS[authentication.refusal]);
  }
  const { viewer } = authentication;
  if (viewer.tokenId) await limits?.request(viewer.tokenId);
  return viewer;
}

/** The context of a request admitRequest let in. */
export function contextOfAdmitted(db: Database, viewer: Viewer, request: RequestInfo): Context {
  return { ...contextFor(db, viewer), timing: asksForTiming(request) };
}

/** Whether the request carries `Threadline-Timing: 1` (or `true`, `on`, `yes`). */
export function asksForTiming(request: Pick<RequestInfo, 'timing'>): boolean {
  return /^(1|true|on|yes)$/i.test(request.timing?.trim() ?? '');
}

/** What a refused request is told: that its token was revoked or expired, nothing more. */
const REFUSALS: Record<Refusal, string | undefined> = {
  missing: undefined,
  unknown: undefined,
  revoked: 'This API token has been revoked: ask an admin of your account for a new one.',
  expired: 'This API token has expired: ask an admin of your account for a new one.',
  deactivated: 'The user of this API token has been deactivated.',
};

/** The context of a known viewer (also what in-process callers and tests use). */
export function contextFor(db: Database, viewer: Viewer): Context {
  const accountId = viewer.account.id;
  return {
    db,
    viewer,
    loaders: createConversationLoaders(db, accountId),
    reporting: createReportingLoaders(db, accountId, viewer.account.dataVersion),
    members: createMemberLoader(db, accountId),
    reportRuns: [],
    timing: false,
  };
}
