/**
 * RFC 9449 §7.1: the `DPoP` authentication scheme's challenge and the two errors DPoP adds,
 * `invalid_dpop_proof` and `use_dpop_nonce` (§12.2), with the nonce in `DPoP-Nonce` (§8, §9).
 */
import { OAuthError } from '../errors';

/** §5.1 / RFC 8414: the proof algorithms this server accepts (asymmetric only; never none or HMAC). */
export const DPOP_ALGS = ['ES256', 'RS256', 'PS256', 'EdDSA'] as const;

export type DpopErrorCode = 'invalid_dpop_proof' | 'use_dpop_nonce';

/** `DPoP algs="…"[, k="v"…]`; quotes and backslashes are dropped from values, as for Bearer (lib/oauth/bearer.ts). */
export function dpopChallenge(attrs: Record<string, string> = {}): string {
  const all = { algs: DPOP_ALGS.join(' '), ...attrs };
  return `DPoP ${Object.entries(all)
    .map(([k, v]) => `${k}="${v.replace(/["\\]/g, '')}"`)
    .join(', ')}`;
}

/**
 * A refused proof, or a nonce to retry with. The token endpoint answers 400 (RFC 9449 §5, §8);
 * a protected resource 401 (§7.1, §9). The description says what was wrong, in the body and in
 * the challenge.
 */
export function dpopError(code: DpopErrorCode, description: string, opts: { nonce?: string; status?: number; challenge?: Record<string, string> } = {}): OAuthError {
  const headers: Record<string, string> = { 'WWW-Authenticate': dpopChallenge({ ...opts.challenge, error: code, error_description: description }) };
  if (opts.nonce) headers['DPoP-Nonce'] = opts.nonce;
  return new OAuthError(code, description, headers, opts.status);
}
