/**
 * RFC 9449 §8 and §9: server-provided nonces (OAUTH2_DPOP_NONCE). No storage: a nonce is an HMAC
 * of the current time window under a key derived from the server's secret, so every instance
 * sharing AUTH_SECRET issues and accepts the same ones. A nonce is accepted during its own window
 * and the next, so it lives between one and two windows; a fresh one rides on every response.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How often the nonce changes. */
export const DPOP_NONCE_WINDOW_SECONDS = 300;

export interface DpopNonces {
  /** The nonce to hand out now (DPoP-Nonce header). */
  current(now: Date): string;
  /** Whether a proof's nonce is one this server handed out recently. */
  accepts(nonce: unknown, now: Date): boolean;
}

export function createDpopNonces(secret: string, windowSeconds = DPOP_NONCE_WINDOW_SECONDS): DpopNonces {
  // A key of its own, so a nonce reveals nothing about the secret's other uses (session cookies).
  const key = createHmac('sha256', secret).update('oauth-server dpop nonce v1').digest();
  const windowOf = (now: Date) => Math.floor(now.getTime() / 1000 / windowSeconds);
  const nonceFor = (w: number) => createHmac('sha256', key).update(String(w)).digest().subarray(0, 18).toString('base64url');
  return {
    current: (now) => nonceFor(windowOf(now)),
    accepts(nonce, now) {
      if (typeof nonce !== 'string' || nonce.length !== 24) return false;
      const w = windowOf(now);
      const given = Buffer.from(nonce);
      // Constant time, and both windows compared every time.
      let ok = false;
      for (const candidate of [nonceFor(w), nonceFor(w - 1)]) ok = timingSafeEqual(given, Buffer.from(candidate)) || ok;
      return ok;
    },
  };
}
