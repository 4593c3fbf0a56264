/**
 * Deleting an account from /account/delete: every session ends and every token the person's
 * applications hold is revoked (endUserAccess, announced as token_revoked), then the
 * applications they own are deleted with everything issued for them (other people's tokens
 * too: announced as well), then the account itself, which takes its consents, codes and session
 * rows with it. The audit record outlives the account (audit_events has no foreign keys).
 */
import type { AuditInput } from '@/lib/audit';
import type { RevokedTokens } from '@/lib/db/applications';
import type { EventBus } from '@/lib/oauth/events';
import { announceRevokedTokens } from '@/lib/server/revocation-events';
import type { EndAccessOptions } from './end-access';

export interface DeleteAccountDeps {
  endUserAccess(userId: string, options: EndAccessOptions): Promise<{ sessionsEnded: number; tokensRevoked: number }>;
  deleteUserAccount(userId: string, now: Date): Promise<{ applications: RevokedTokens[] } | null>;
  recordAudit(event: AuditInput): Promise<void>;
  events: EventBus;
  now: Date;
}

export async function deleteAccount(
  deps: DeleteAccountDeps,
  input: { user: { id: string; email: string }; origin: { ip: string; userAgent: string | null } },
): Promise<{ applicationsDeleted: number } | null> {
  const { user } = input;
  const ended = await deps.endUserAccess(user.id, { cause: { source: 'user', reason: 'account_deleted' } });
  const deleted = await deps.deleteUserAccount(user.id, deps.now);
  if (!deleted) return null;
  for (const app of deleted.applications) announceRevokedTokens(deps.events, app);
  await deps.recordAudit({
    type: 'account.deleted',
    actor: { type: 'user', id: user.id, label: user.email },
    userId: user.id,
    detail: { applicationsDeleted: deleted.applications.length, sessionsEnded: ended.sessionsEnded, tokensRevoked: ended.tokensRevoked },
    ip: input.origin.ip,
    userAgent: input.origin.userAgent,
  });
  return { applicationsDeleted: deleted.applications.length };
}
