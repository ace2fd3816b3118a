import { createHash, randomBytes } from 'node:crypto';
import { parseInstant } from '../conversations/timestamp';
import { BadInput } from '../errors';

/** A new API token. Only its hash is stored; the token itself is shown once, at creation. */
export function newToken(): { token: string; hash: string } {
  const token = `tl_${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

const HOUR_MS = 3_600_000;
const UNIT_MS: Record<string, number> = { h: HOUR_MS, d: 24 * HOUR_MS, w: 7 * 24 * HOUR_MS };
/** Ten years: further than any token should live, and well inside what DATETIME holds. */
const MAX_LIFETIME_MS = 3650 * 24 * HOUR_MS;

/** How `expires` is written, for messages and help. */
export const EXPIRES_SYNTAX = 'a lifetime such as 12h, 90d or 4w, or an ISO 8601 date (2027-01-31, meaning 00:00 UTC) or instant with offset';

/**
 * When a token asked to expire `text` stops working: `12h`, `90d`, `4w` from `now`, or an ISO
 * 8601 date (00:00 UTC that day) or instant with an offset. Must lie ahead, at most ten years.
 */
export function parseExpiry(text: string, now: Date, field = 'expires'): Date {
  const value = text.trim();
  const lifetime = /^(\d{1,6})\s*([hdw])$/i.exec(value);
  let at: Date | null;
  if (lifetime) at = new Date(now.getTime() + Number(lifetime[1]) * UNIT_MS[lifetime[2].toLowerCase()]);
  else if (/^\d{4}-\d{2}-\d{2}$/.test(value)) at = parseInstant(`${value}T00:00Z`);
  else at = parseInstant(value);
  if (!at) throw new BadInput(field, `"${text}" is not ${EXPIRES_SYNTAX}`);
  if (at.getTime() <= now.getTime()) throw new BadInput(field, `"${text}" is not in the future`);
  if (at.getTime() - now.getTime() > MAX_LIFETIME_MS) throw new BadInput(field, `"${text}" is more than ten years ahead`);
  return at;
}
