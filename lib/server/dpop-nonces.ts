/**
 * OAUTH2_DPOP_NONCE: the server's DPoP nonces (RFC 9449 §8, §9), keyed by AUTH_SECRET so every
 * instance issues and accepts the same ones without storage (lib/oauth/dpop/nonce.ts). The
 * engine and the resource-server toolkit share them: a nonce from /o/token also works at /api/*.
 */
import { authSecret } from '@/lib/auth/secret';
import { createDpopNonces, type DpopNonces } from '@/lib/oauth/dpop/nonce';
import type { Settings } from '@/lib/oauth/settings';

let nonces: DpopNonces | undefined;

/** The nonce source when OAUTH2_DPOP_NONCE is on; undefined (no nonces asked for) when off. */
export function dpopNoncesFor(settings: Pick<Settings, 'dpopNonce'>): DpopNonces | undefined {
  if (!settings.dpopNonce) return undefined;
  nonces ??= createDpopNonces(authSecret());
  return nonces;
}
