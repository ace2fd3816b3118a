import { assertNever, Forbidden } from '../errors';
import { Role } from './user.entity';

/**
 * What a token may be used for. A request's rights are its user's role intersected with its
 * token's scope: a token never gives more than its user has.
 */
export const SCOPES = ['READ', 'INGEST', 'ADMIN'] as const;
export type Scope = (typeof SCOPES)[number];

/**
 * The rights the root fields of the API ask for. READ: reports, conversations, dashboards and
 * saved reports, within what the role and plan allow. INGEST: writing conversations. MANAGE:
 * users and tokens.
 */
export type Right = 'READ' | 'INGEST' | 'MANAGE';

/** The two facts rights come from: the user's role and the scope of the token they called with. */
export interface Holder {
  role: Role;
  scope: Scope;
}

const EVERYTHING: ReadonlySet<Right> = new Set(['READ', 'INGEST', 'MANAGE']);
const READ_ONLY: ReadonlySet<Right> = new Set(['READ']);
const INGEST_ONLY: ReadonlySet<Right> = new Set(['INGEST']);

export function rightsOf(holder: Holder): ReadonlySet<Right> {
  switch (holder.scope) {
    case 'ADMIN':
      // A user demoted to MEMBER keeps no admin rights through a token issued before.
      return holder.role === 'ADMIN' ? EVERYTHING : READ_ONLY;
    case 'READ':
      return READ_ONLY;
    case 'INGEST':
      return INGEST_ONLY;
    default:
      return assertNever(holder.scope);
  }
}

/**
 * Whether the caller acts with an admin's powers over other users' objects (editing every
 * dashboard and saved report). An admin's READ token sees what an admin sees but changes only
 * what a member could.
 */
export function actsAsAdmin(holder: Holder): boolean {
  return holder.role === 'ADMIN' && holder.scope === 'ADMIN';
}

/** The scope a new token gets when none is asked for: all the user's role allows, bar ingest-only. */
export function defaultScope(role: Role): Scope {
  return role === 'ADMIN' ? 'ADMIN' : 'READ';
}

/** FORBIDDEN, saying why, unless `holder` has `right`; `what` names what was asked for. */
export function requireRight(holder: Holder, right: Right, what: string): void {
  if (rightsOf(holder).has(right)) return;
  const token = `this is a ${holder.scope}-scoped token of ${holder.role === 'ADMIN' ? 'an ADMIN' : 'a MEMBER'}`;
  if (holder.scope === 'INGEST') {
    throw new Forbidden(`${what}: this token's scope is INGEST, which allows only ingestConversations.`);
  }
  switch (right) {
    case 'INGEST':
      throw new Forbidden(`${what} writes conversations: it needs an ADMIN's ADMIN-scoped token or a token with the INGEST scope (${token}).`);
    case 'MANAGE':
      throw new Forbidden(`${what} manages users and tokens: it needs an ADMIN's ADMIN-scoped token (${token}).`);
    case 'READ':
      throw new Forbidden(`${what}: ${token}, which may not read.`);
    default:
      return assertNever(right);
  }
}
