/**
 * token_revoked for revocations outside /o/revoke_token: a person revoking an authorization in
 * the dashboard, and an application deleted (dashboard or `manage deleteapplication`). One event
 * per token that was still live, as the revocation endpoint emits one per token it revokes.
 */
import type { EventBus } from '@/lib/oauth/events';
import type { RevokedTokens } from '@/lib/db/applications';

export function announceRevokedTokens(events: EventBus, revoked: RevokedTokens): void {
  const { applicationId, clientId } = revoked;
  for (let i = 0; i < revoked.accessTokens; i++) events.emit('token_revoked', { applicationId, clientId, tokenType: 'access_token' });
  for (let i = 0; i < revoked.refreshTokens; i++) events.emit('token_revoked', { applicationId, clientId, tokenType: 'refresh_token' });
}
