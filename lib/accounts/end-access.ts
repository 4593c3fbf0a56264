/**
 * Ending a person's access: their browser sessions (all, or all but the current one) and,
 * unless kept, the tokens of every application they authorized (refresh and access tokens).
 * Used by password reset and change, account deletion, and an operator disabling a user.
 *
 * Sessions end by their rows (lib/accounts/sessions.ts), so every instance refuses them on the
 * next request. Tokens are revoked with the same chain revocation the dashboard's "Revoke" uses
 * (lib/db/authorizations.ts → revokeChains) and announced as token_revoked, as every other
 * revocation path does.
 */
import { getDashboardStore } from '@/lib/db';
import { createAuthorizationStore } from '@/lib/db/authorizations';
import { createSessionStore, getSessionStore, type SessionStore } from '@/lib/db/sessions';
import type { Db } from '@/lib/db/types';
import type { RevokedTokens } from '@/lib/db/applications';
import type { EventBus } from '@/lib/oauth/events';
import { events } from '@/lib/server/events';
import { announceRevokedTokens, type RevocationCause } from '@/lib/server/revocation-events';
import { sessionsEnded } from '@/lib/logout';

/**
 * Why a person's access ends, for the token.revoked rows (and so their /account/activity): who
 * acted (`source`: the person, an operator, a deletion) and what came with it (`reason`).
 */
export type EndAccessCause = Pick<RevocationCause, 'source' | 'reason'>;

export interface EndAccessOptions {
  /** The session that made the change stays signed in (user_sessions.id). */
  exceptSessionId?: string;
  /** Keep applications' tokens (the "keep apps signed in" choice). */
  keepTokens?: boolean;
  cause: EndAccessCause;
}

export interface EndAccessDeps {
  sessions: Pick<SessionStore, 'endSessionsForUserReturningIds'>;
  /** After the sessions ended: their tokens and back-channel logout (lib/logout); absent = nothing more. */
  sessionsEnded?: (sessionIds: string[], source: 'user' | 'operator', db?: Db, options?: { keepTokens?: boolean }) => Promise<void>;
  tokens: { revokeTokensForUser(userId: string, now: Date): Promise<RevokedTokens[]> };
  events: EventBus;
  now: Date;
}

/** The work, with its stores passed in (tests give it a test database). */
export async function endAccess(deps: EndAccessDeps, userId: string, options: EndAccessOptions): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const ended = await deps.sessions.endSessionsForUserReturningIds(userId, deps.now, options.exceptSessionId);
  // The applications those sessions signed into hear of it (and, unless kept below, their tokens end).
  // "Keep apps signed in" on a password change or reset keeps the sessions' tokens too; an
  // operator ending sessions is a sign-out like any other (OAUTH2_LOGOUT_REVOKES_TOKENS).
  const keepTokens = options.keepTokens === true && options.cause.reason !== undefined;
  await deps.sessionsEnded?.(ended, options.cause.source === 'operator' ? 'operator' : 'user', undefined, { keepTokens });
  const sessionsEnded = ended.length;
  if (options.keepTokens) return { sessionsEnded, tokensRevoked: 0 };
  const revoked = await deps.tokens.revokeTokensForUser(userId, deps.now);
  let tokensRevoked = 0;
  for (const r of revoked) {
    announceRevokedTokens(deps.events, r, { ...options.cause, userId });
    tokensRevoked += r.accessTokens + r.refreshTokens;
  }
  return { sessionsEnded, tokensRevoked };
}

export async function endUserAccess(userId: string, options: EndAccessOptions): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  const [sessions, tokens] = await Promise.all([getSessionStore(), getDashboardStore()]);
  return endAccess({ sessions, tokens, events, now: new Date(), sessionsEnded }, userId, options);
}

/**
 * endUserAccess over a given database and bus (a command's connection, a test database), or the
 * server's own when none is given: flows that take their database through a context
 * (AccountFlowContext, lib/admin's OperatorContext) end access on that same database.
 */
export async function endAccessIn(
  where: { db?: Db; events?: EventBus; now?: Date },
  userId: string,
  options: EndAccessOptions,
): Promise<{ sessionsEnded: number; tokensRevoked: number }> {
  if (!where.db) return endUserAccess(userId, options);
  const db = where.db;
  const deps = {
    sessions: createSessionStore(db),
    tokens: createAuthorizationStore(db),
    events: where.events ?? events,
    now: where.now ?? new Date(),
    sessionsEnded: (ids: string[], source: 'user' | 'operator', _db?: Db, opts?: { keepTokens?: boolean }) => sessionsEnded(ids, source, db, opts),
  };
  return endAccess(deps, userId, options);
}
