/**
 * RFC 8693 §4.1: the `act` claim of an exchanged token, one helper for every place a token's
 * claims are written out (JWT access tokens, introspection), so other confirmation and delegation
 * claims (RFC 9449 `cnf`) sit beside it without touching each other.
 */
import type { Actor } from './store';

/** `{ act }` for a token with a delegation chain, nothing for one without. */
export function delegationClaims(actor: Actor | null | undefined): { act?: Actor } {
  return actor ? { act: actor } : {};
}

/**
 * §4.1: the new token's actor: the acting party outermost, the subject token's own chain nested
 * inside it ("the least recent actor is the most deeply nested").
 */
export function actorFor(acting: { sub: string; clientId: string }, prior: Actor | null | undefined): Actor {
  return { sub: acting.sub, client_id: acting.clientId, ...(prior ? { act: prior } : {}) };
}

/** How many actors deep a chain is (the exchange refuses to grow one without bound). */
export function chainDepth(actor: Actor | null | undefined): number {
  let depth = 0;
  for (let a = actor; a; a = a.act) depth++;
  return depth;
}
