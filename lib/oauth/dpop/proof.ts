/**
 * RFC 9449 §4: checking a DPoP proof, the steps of §4.3 in order. Used by the token endpoint
 * (§5), the PAR endpoint (§10.1), userinfo and the resource-server toolkit (§7). Proofs are
 * verified with `jose` against the key in their own header, which must be public and asymmetric.
 */
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, errors, jwtVerify, type JWK, type JWTPayload } from 'jose';
import { DPOP_ALGS, dpopError } from './challenge';
import type { DpopNonces } from './nonce';
import { normaliseHtu } from './htu';

/** §11.1: how old a proof may be (iat), and how far in the future a client's clock may put it. */
export const DPOP_PROOF_MAX_AGE_SECONDS = 300;
export const DPOP_CLOCK_SKEW_SECONDS = 60;
/** Bounds on what a client may make us parse and store. */
const MAX_PROOF_LENGTH = 8192;
const MAX_JTI_LENGTH = 256;
/** Members that only a private (or symmetric) JWK has: §4.3 item 7. */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];

/** A verified proof: the key's RFC 7638 SHA-256 thumbprint (the binding, `jkt`), and its jti. */
export interface DpopProof {
  jkt: string;
  jti: string;
}

export interface ProofExpectations {
  /** §4.2 htm: the request's method. */
  method: string;
  /** §4.2 htu: the normalised URIs the proof may name (lib/oauth/dpop/htu.ts expectedHtus). */
  htus: string[];
  /** §4.2 ath: the access token presented with the proof, at a protected resource. */
  accessToken?: string;
  now: Date;
  /** §11.1 replay: records the jti until it could no longer be accepted; false when seen before. */
  useJti: (key: string, expiresAt: Date, now: Date) => Promise<boolean>;
  /** §8 / §9: present when the server requires its nonces (OAUTH2_DPOP_NONCE). */
  nonces?: DpopNonces;
  /** 400 at the token endpoint, 401 at a protected resource. */
  status?: number;
}

/**
 * §4.1 / §4.3 item 1: the DPoP header, or null when absent. Several headers arrive joined by a
 * comma, which a compact JWS never contains: refused.
 */
export function readDpopHeader(req: Request, status?: number): string | null {
  const value = req.headers.get('dpop');
  if (value === null) return null;
  if (value.includes(',')) throw dpopError('invalid_dpop_proof', 'send exactly one DPoP header', { status });
  return value.trim();
}

/** §4.2 ath: base64url(SHA-256(access token)). */
export function accessTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function verifyDpopProof(proof: string, expect: ProofExpectations): Promise<DpopProof> {
  const status = expect.status;
  const refuse = (why: string) => dpopError('invalid_dpop_proof', why, { status });
  if (!proof || proof.length > MAX_PROOF_LENGTH) throw refuse('the DPoP proof is empty or too long');

  // §4.3 items 2-4: a JWT with typ dpop+jwt, an asymmetric alg we support, and a public jwk.
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(proof);
  } catch {
    throw refuse('the DPoP proof is not a JWT');
  }
  if (header.typ !== 'dpop+jwt') throw refuse('the DPoP proof\'s typ must be "dpop+jwt"');
  const alg = header.alg;
  if (typeof alg !== 'string' || alg === 'none') throw refuse('the DPoP proof must be signed (alg "none" is not accepted)');
  if (alg.startsWith('HS')) throw refuse(`alg "${alg}" is symmetric; a DPoP proof is signed with a private key (${DPOP_ALGS.join(', ')})`);
  if (!(DPOP_ALGS as readonly string[]).includes(alg)) throw refuse(`alg "${alg}" is not supported for DPoP proofs (supported: ${DPOP_ALGS.join(', ')})`);
  const jwk = header.jwk as JWK | undefined;
  if (!jwk || typeof jwk !== 'object' || Array.isArray(jwk)) throw refuse('the DPoP proof has no jwk header (the public key it is signed with)');
  if (PRIVATE_MEMBERS.some((m) => m in jwk)) throw refuse('the DPoP proof\'s jwk must be a public key; it carries private or symmetric key material');

  // §4.3 items 5-6: the signature verifies with that key.
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(proof, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: [...DPOP_ALGS] }));
  } catch (e) {
    if (e instanceof errors.JWSSignatureVerificationFailed) throw refuse('the DPoP proof\'s signature does not verify with its jwk');
    if (e instanceof errors.JOSEError) throw refuse(`the DPoP proof is not valid (${e.message})`);
    throw e;
  }

  // §4.2 claims: jti, htm, htu, iat (ath and nonce below).
  const { jti, htm, htu, iat } = payload as JWTPayload & { htm?: unknown; htu?: unknown };
  if (typeof jti !== 'string' || !jti) throw refuse('the DPoP proof has no jti');
  if (jti.length > MAX_JTI_LENGTH) throw refuse(`the DPoP proof's jti is longer than ${MAX_JTI_LENGTH} characters`);
  // §4.3 item 8: the method of this request.
  if (htm !== expect.method) throw refuse(`the DPoP proof's htm must be "${expect.method}", the method of this request`);
  // §4.3 item 9: this request's URI, without query and fragment, normalised.
  const normalised = typeof htu === 'string' ? normaliseHtu(htu) : null;
  if (!normalised || !expect.htus.includes(normalised)) throw refuse(`the DPoP proof's htu must be the URI of this request (${expect.htus[0]})`);
  // §4.3 item 11: fresh.
  const now = Math.floor(expect.now.getTime() / 1000);
  if (typeof iat !== 'number') throw refuse('the DPoP proof has no iat');
  if (iat > now + DPOP_CLOCK_SKEW_SECONDS) throw refuse('the DPoP proof\'s iat is in the future (check the client\'s clock)');
  if (iat < now - DPOP_PROOF_MAX_AGE_SECONDS) throw refuse(`the DPoP proof is older than ${DPOP_PROOF_MAX_AGE_SECONDS / 60} minutes (iat); make a new proof for each request`);

  // §4.3 item 12: with an access token, ath is its hash.
  if (expect.accessToken !== undefined) {
    const ath = (payload as { ath?: unknown }).ath;
    if (ath === undefined) throw refuse('the DPoP proof has no ath (the hash of the access token sent with it)');
    if (ath !== accessTokenHash(expect.accessToken)) throw refuse('the DPoP proof\'s ath does not match the access token sent with it');
  }

  // §4.3 item 10 / §8: the server's nonce, when it requires one. Checked before the jti is
  // recorded: the client retries with a new proof anyway.
  if (expect.nonces && !expect.nonces.accepts((payload as { nonce?: unknown }).nonce, expect.now)) {
    const nonce = expect.nonces.current(expect.now);
    const had = (payload as { nonce?: unknown }).nonce !== undefined;
    throw dpopError('use_dpop_nonce', had ? 'the DPoP nonce has expired; use the one in the DPoP-Nonce header' : 'this server requires a DPoP nonce; use the one in the DPoP-Nonce header', { nonce, status });
  }

  const jkt = await calculateJwkThumbprint(jwk, 'sha256');
  // §11.1: single use while it could be accepted, shared by every instance (used_jtis).
  const expiresAt = new Date((Math.max(iat, now) + DPOP_PROOF_MAX_AGE_SECONDS) * 1000);
  if (!(await expect.useJti(`dpop:${jkt}:${jti}`, expiresAt, expect.now))) {
    throw refuse('this DPoP proof (its jti) was already used; make a new proof for each request');
  }
  return { jkt, jti };
}
