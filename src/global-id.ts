/**
 * Global object ids for client caches (Apollo Client, urql's graphcache, Relay): one opaque string
 * per object that no other object of any type or account shares, and that stays the same across
 * requests. Conversations, agents, inboxes, teams and chatflows are keyed by the external id given
 * on import, which is unique only within an account, so their id also names the type and the
 * account: base64url of `Type:accountId:externalId`. It holds nothing the caller cannot already
 * read (their own account id is `viewer.account.id`), and clients must treat it as opaque.
 */
export type GlobalIdType = 'Conversation' | 'Agent' | 'Inbox' | 'Team' | 'Chatflow';

export function globalId(type: GlobalIdType, accountId: number, key: string): string {
  return Buffer.from(`${type}:${accountId}:${key}`, 'utf8').toString('base64url');
}
