/**
 * The console's Tokens page actions: revoke one token, or every token shown for a person, an
 * application, or a person at one application. Each goes through the revocation the rest of the
 * server uses (revokeChains; revokeTokens and revokeApplicationTokens for the whole-person and
 * whole-application cases), announces token_revoked per token (metrics), and writes one audit
 * row with the operator as actor.
 */
import { recordAudit } from '@/lib/audit';
import { findApplicationForAdmin } from '@/lib/db/admin-applications';
import { revokeTokenById, revokeUserApplicationTokens } from '@/lib/db/admin-tokens';
import { findUserForAdmin } from '@/lib/db/admin-users';
import { announceEachToken } from '@/lib/server/revocation-events';
import { revokeApplicationTokens } from './application-actions';
import { ok, refused, type ActionResult, type OperatorContext } from './context';
import { revokeTokens } from './user-actions';

const now = (ctx: OperatorContext) => (ctx.now ?? (() => new Date()))();
const operatorActor = (ctx: OperatorContext) => ({ type: 'operator' as const, id: ctx.actor.id, label: ctx.actor.label });

/** One token by its row id (the page never has its value). Refused when it is unknown or no longer live. */
export async function revokeToken(ctx: OperatorContext, kind: string, id: number): Promise<ActionResult<number>> {
  if (kind !== 'access' && kind !== 'refresh') return refused('not_found', 'No such token.');
  const revoked = await revokeTokenById(ctx.db, kind, id, now(ctx));
  if (!revoked) return refused('not_active', 'That token is no longer active (revoked, expired or replaced).');
  if (ctx.events) announceEachToken(ctx.events, revoked, { source: 'operator', userId: revoked.userId });
  await recordAudit({
    type: 'token.revoked',
    actor: operatorActor(ctx),
    userId: revoked.userId,
    clientId: revoked.clientId,
    detail: { by: 'operator', tokenType: `${kind}_token`, accessTokens: revoked.accessTokens, refreshTokens: revoked.refreshTokens, application: revoked.applicationName },
  });
  return ok(revoked.accessTokens + revoked.refreshTokens);
}

/**
 * "Revoke all shown": every live token of the person, of the application, or of the person at
 * the application (their consent stays, so the application may ask again without a consent screen).
 */
export async function revokeShownTokens(ctx: OperatorContext, shown: { userId?: string; applicationId?: string }): Promise<ActionResult<number>> {
  const { userId, applicationId } = shown;
  if (userId && !applicationId) return revokeTokens(ctx, userId);
  if (applicationId && !userId) {
    const result = await revokeApplicationTokens(ctx, applicationId);
    return result.ok ? ok(result.value.accessTokens + result.value.refreshTokens) : result;
  }
  if (!userId || !applicationId) return refused('not_found', 'Name a person or an application.');
  const [user, app] = await Promise.all([findUserForAdmin(ctx.db, userId), findApplicationForAdmin(ctx.db, applicationId)]);
  if (!user || !app) return refused('not_found', 'No such person or application.');
  const revoked = await revokeUserApplicationTokens(ctx.db, user.id, app.id, now(ctx));
  if (!revoked) return refused('not_found', 'No such person or application.');
  if (ctx.events) announceEachToken(ctx.events, revoked, { source: 'operator', userId: user.id });
  await recordAudit({
    type: 'token.revoked',
    actor: operatorActor(ctx),
    userId: user.id,
    clientId: app.clientId,
    detail: { by: 'operator', email: user.email, application: app.name, accessTokens: revoked.accessTokens, refreshTokens: revoked.refreshTokens },
  });
  return ok(revoked.accessTokens + revoked.refreshTokens);
}
