/**
 * RFC 9449 §7: presenting a DPoP-bound access token to a protected resource (userinfo,
 * introspection's bearer caller, and the resource-server toolkit). `Authorization: DPoP <token>`
 * with a proof of the key the token is bound to (ath, htm, htu, replay, nonce); a bound token
 * sent as `Bearer` is refused (§7.2: otherwise a stolen token would simply be downgraded).
 */
import { OAuthError } from '../errors';
import { dpopChallenge, dpopError } from './challenge';
import { expectedHtus } from './htu';
import type { DpopNonces } from './nonce';
import { readDpopHeader, verifyDpopProof } from './proof';

export type TokenScheme = 'Bearer' | 'DPoP';

export interface PresentedToken {
  token: string;
  scheme: TokenScheme;
}

/** RFC 6750 §2.1 / RFC 9449 §7.1: `Authorization: Bearer <token>` or `DPoP <token>`; null for anything else. */
export function readPresentedToken(req: Request): PresentedToken | null {
  const h = req.headers.get('authorization');
  const match = h ? /^(bearer|dpop)\s+(\S+)\s*$/i.exec(h) : null;
  if (!match) return null;
  return { token: match[2]!, scheme: match[1]!.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer' };
}

export interface ResourceCheck {
  /** Where the resource is: its path on the issuer's origin is what the proof's htu must name. */
  issuer: string;
  now: Date;
  useJti: (key: string, expiresAt: Date, now: Date) => Promise<boolean>;
  nonces?: DpopNonces;
  /** Extra challenge attributes (RFC 9728 resource_metadata). */
  challenge?: Record<string, string>;
}

/** invalid_token answered with the DPoP scheme's challenge (the client must use DPoP with this token). */
function invalidToken(description: string, challenge: Record<string, string> = {}): OAuthError {
  return new OAuthError('invalid_token', description, { 'WWW-Authenticate': dpopChallenge({ ...challenge, error: 'invalid_token', error_description: description }) });
}

/**
 * Checks how an active token was presented against the key it is bound to (null: a bearer
 * token). Throws the 401 the client should read; returns when the presentation is good.
 */
export async function checkPresentation(req: Request, presented: PresentedToken, boundJkt: string | null, check: ResourceCheck): Promise<void> {
  const challenge = check.challenge ?? {};
  if (presented.scheme === 'Bearer') {
    if (boundJkt) throw invalidToken('this access token is DPoP-bound: send it as "Authorization: DPoP <token>" with a DPoP proof', challenge);
    return;
  }
  if (!boundJkt) throw invalidToken('this access token is not DPoP-bound: send it as "Authorization: Bearer <token>"', challenge);
  const proof = readDpopHeader(req, 401);
  if (proof === null) throw dpopError('invalid_dpop_proof', 'a DPoP-bound access token needs a DPoP proof in the DPoP header', { status: 401, challenge });
  const verified = await verifyDpopProof(proof, {
    method: req.method,
    htus: expectedHtus(req, check.issuer),
    accessToken: presented.token,
    now: check.now,
    useJti: check.useJti,
    nonces: check.nonces,
    status: 401,
  }).catch((e: unknown) => {
    // The resource's own challenge attributes on every refusal.
    if (e instanceof OAuthError && Object.keys(challenge).length) {
      throw dpopError(e.code as 'invalid_dpop_proof' | 'use_dpop_nonce', e.description, { status: 401, challenge, nonce: e.headers['DPoP-Nonce'] });
    }
    throw e;
  });
  if (verified.jkt !== boundJkt) throw dpopError('invalid_dpop_proof', 'the DPoP proof is signed with another key than the one the access token is bound to', { status: 401, challenge });
}
