/**
 * RFC 9449 §5: DPoP at the token endpoint. The proof is checked before any grant runs, so a
 * refused proof or a nonce challenge uses up no code or refresh token; the grants then bind what
 * they issue to its key (issueTokens) and check keys a code (§10) or refresh token (§5) is bound to.
 */
import { issuerFor, type Deps } from '../context';
import type { ClientRecord } from '../store';
import { dpopError } from './challenge';
import { expectedHtus } from './htu';
import { readDpopHeader, verifyDpopProof, type DpopProof } from './proof';

export type { DpopProof } from './proof';

/** The proof sent with a request to this endpoint (token, PAR), checked; null when none was sent. */
export async function dpopProofFor(req: Request, deps: Deps): Promise<DpopProof | null> {
  const proof = readDpopHeader(req);
  if (proof === null) return null;
  return verifyDpopProof(proof, {
    method: req.method,
    htus: expectedHtus(req, issuerFor(req, deps.settings)),
    now: deps.clock(),
    useJti: (key, expiresAt, now) => deps.store.useJti(key, expiresAt, now),
    nonces: deps.dpopNonces,
  });
}

/** §5 with RFC 7591 dpop_bound_access_tokens ("Require DPoP"): the proof, required for such a client. */
export async function tokenRequestProof(req: Request, client: ClientRecord, deps: Deps): Promise<DpopProof | null> {
  const proof = await dpopProofFor(req, deps);
  if (!proof && client.requireDpop) {
    throw dpopError('invalid_dpop_proof', `${client.name} accepts only DPoP-bound tokens (RFC 9449): send a DPoP proof with the token request`);
  }
  return proof;
}

/**
 * §10 (a code whose authorization request named dpop_jkt) and §5 (a public client's refresh
 * token): the grant is bound to a key, and only a proof signed with it may use it.
 */
export function requireBoundKey(boundJkt: string | null | undefined, proof: DpopProof | null, what: string): void {
  if (!boundJkt) return;
  if (!proof) throw dpopError('invalid_dpop_proof', `this ${what} is bound to a DPoP key: send a DPoP proof signed with that key`);
  if (proof.jkt !== boundJkt) throw dpopError('invalid_dpop_proof', `the DPoP proof is signed with another key than the one this ${what} is bound to`);
}

/** §8: a fresh nonce on a successful response, when the server uses them, so the client's next proof has it. */
export function withDpopNonce(res: Response, deps: Deps): Response {
  if (deps.dpopNonces) res.headers.set('DPoP-Nonce', deps.dpopNonces.current(deps.clock()));
  return res;
}
