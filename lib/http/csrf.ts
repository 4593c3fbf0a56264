/**
 * The consent form's CSRF token: an HMAC of the pending authorization request and the user
 * deciding it, keyed with the server's secret. A page on another site cannot read it, so a
 * form it submits cannot carry it (the Origin check Next.js makes on server actions is the
 * first line; this one holds even where that check is bypassed, e.g. behind a proxy that
 * rewrites Host). Pure: the secret is an argument.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Distinguishes this use of the secret from every other (session cookies, etc.). */
const PURPOSE = 'oauth-consent-csrf:v1';

export function csrfToken(secret: string, requestId: string, userId: string): string {
  if (!secret) throw new Error('csrfToken: empty secret');
  // Length-prefixed so ("ab", "c") and ("a", "bc") never sign the same bytes.
  const message = `${PURPOSE}\n${requestId.length}:${requestId}\n${userId.length}:${userId}`;
  return createHmac('sha256', secret).update(message).digest('base64url');
}

/** Whether `token` is the one issued for this request and user (constant-time). */
export function verifyCsrfToken(secret: string, requestId: string, userId: string, token: unknown): boolean {
  if (typeof token !== 'string' || token === '' || !requestId || !userId) return false;
  const expected = Buffer.from(csrfToken(secret, requestId, userId));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
