/**
 * token_revoked for revocations outside /o/revoke_token: a person revoking an authorization in
 * the dashboard, an operator, and an application deleted (dashboard, console or `manage
 * deleteapplication`). One event per token that was still live, as the revocation endpoint emits
 * one per token it revokes (metrics count them), and one `grant_revoked` for the act (the audit
 * trail records that one).
 */
import type { EventBus, OAuthEvents } from '@/lib/oauth/events';
import type { RevokedTokens } from '@/lib/db/applications';

export interface RevocationCause {
  source: OAuthEvents['grant_revoked']['source'];
  /** Whose tokens they were, when one person's (an authorization revoked, a person's access ended). */
  userId?: string | null;
  /** Why, when the revocation came with something else (a password change, a disabled account). */
  reason?: OAuthEvents['grant_revoked']['reason'];
}

export function announceRevokedTokens(events: EventBus, revoked: RevokedTokens, cause: RevocationCause = { source: 'deletion' }): void {
  const userId = cause.userId ?? null;
  announceEachToken(events, revoked, { source: cause.source, userId });
  const { applicationId, clientId, accessTokens, refreshTokens } = revoked;
  events.emit('grant_revoked', { applicationId, clientId, userId, source: cause.source, ...(cause.reason && { reason: cause.reason }), accessTokens, refreshTokens });
}

/**
 * Only the per-token token_revoked events (metrics), for a caller that writes the act's audit
 * row itself with a fuller actor (the operators' console and commands). Without `cause.userId`
 * the events carry none (an application's tokens belong to many people).
 */
export function announceEachToken(events: EventBus, revoked: RevokedTokens, cause: RevocationCause): void {
  const { applicationId, clientId } = revoked;
  const base = { applicationId, clientId, source: cause.source, ...(cause.userId !== undefined && { userId: cause.userId }) };
  for (let i = 0; i < revoked.accessTokens; i++) events.emit('token_revoked', { ...base, tokenType: 'access_token' });
  for (let i = 0; i < revoked.refreshTokens; i++) events.emit('token_revoked', { ...base, tokenType: 'refresh_token' });
}
