/**
 * A DPoP client for tests (RFC 9449 §4): a key pair and proofs signed with `jose`, as a real
 * client library would build them. Each proof has a fresh jti; `iat` follows the test's clock.
 */
import { randomUUID } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { accessTokenHash } from '@/lib/oauth/dpop/proof';

export type DpopAlg = 'ES256' | 'RS256' | 'PS256' | 'EdDSA';

export interface ProofOptions {
  /** §4.2 ath: the access token the proof goes with. */
  accessToken?: string;
  nonce?: string;
  /** Seconds since the epoch; the clock's now when absent. */
  iat?: number;
  jti?: string;
  /** Replace or remove (undefined) claims, for refusals. */
  claims?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

export interface DpopKey {
  alg: DpopAlg;
  jwk: JWK;
  /** RFC 7638 SHA-256 thumbprint: what tokens are bound to (cnf.jkt, dpop_jkt). */
  jkt: string;
  privateKey: CryptoKey;
  proof(htm: string, htu: string, opts?: ProofOptions): Promise<string>;
}

export async function dpopKey(alg: DpopAlg = 'ES256', now: () => Date = () => new Date()): Promise<DpopKey> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = await exportJWK(publicKey);
  const jkt = await calculateJwkThumbprint(jwk, 'sha256');
  return {
    alg,
    jwk,
    jkt,
    privateKey,
    proof: (htm, htu, opts = {}) => signProof(privateKey, alg, jwk, htm, htu, opts, now),
  };
}

export async function signProof(key: CryptoKey, alg: string, jwk: JWK, htm: string, htu: string, opts: ProofOptions, now: () => Date): Promise<string> {
  const claims: Record<string, unknown> = {
    htm,
    htu,
    jti: opts.jti ?? randomUUID(),
    iat: opts.iat ?? Math.floor(now().getTime() / 1000),
    ...(opts.accessToken !== undefined ? { ath: accessTokenHash(opts.accessToken) } : {}),
    ...(opts.nonce !== undefined ? { nonce: opts.nonce } : {}),
  };
  for (const [k, v] of Object.entries(opts.claims ?? {})) {
    if (v === undefined) delete claims[k];
    else claims[k] = v;
  }
  return new SignJWT(claims).setProtectedHeader({ typ: 'dpop+jwt', alg, jwk, ...opts.header }).sign(key);
}

/** An unsigned JWT (alg "none"), which no server may accept (§4.3 item 4). */
export function unsignedProof(jwk: JWK, claims: Record<string, unknown>): string {
  const enc = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${enc({ typ: 'dpop+jwt', alg: 'none', jwk })}.${enc(claims)}.`;
}
