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
  /** Whose tokens they were, when one person's (an authorization revoked). */
  userId?: string | null;
}

export function announceRevokedTokens(events: EventBus, revoked: RevokedTokens, cause: RevocationCause = { source: 'deletion' }): void {
  const { applicationId, clientId } = revoked;
  const { source } = cause;
  const userId = cause.userId ?? null;
  for (let i = 0; i < revoked.accessTokens; i++) events.emit('token_revoked', { applicationId, clientId, tokenType: 'access_token', userId, source });
  for (let i = 0; i < revoked.refreshTokens; i++) events.emit('token_revoked', { applicationId, clientId, tokenType: 'refresh_token', userId, source });
  events.emit('grant_revoked', { applicationId, clientId, userId, source, accessTokens: revoked.accessTokens, refreshTokens: revoked.refreshTokens });
}
