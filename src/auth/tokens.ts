import { createHash, randomBytes } from 'node:crypto';

/** A new API token. Only its hash is stored; the token itself is shown once, at creation. */
export function newToken(): { token: string; hash: string } {
  const token = `tl_${randomBytes(24).toString('base64url')}`;
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
