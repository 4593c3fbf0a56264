/**
 * What an operator does to an account: disable or enable it, grant or take the operator role,
 * end its sessions, revoke its tokens, delete it. Each writes an audit event with the operator
 * as actor. Disabling yourself, or leaving the server without an enabled operator, is refused
 * with the reason.
 */
import { requestPasswordReset, type AccountFlowContext } from '@/lib/accounts/password-reset';
import { parseRoles } from '@/lib/accounts/roles';
import { recordAudit } from '@/lib/audit';
import {
  deleteUser as deleteUserRow,
  findUserForAdmin,
  listAccountsByEmail,
  listOperatorAccounts,
  setUserDisabled,
  setUserOperator,
  setUserRoles,
  type AdminUserRow,
} from '@/lib/db/admin-users';
import { createAuthorizationStore } from '@/lib/db/authorizations';
import { announceEachToken } from '@/lib/server/revocation-events';
import { ok, refused, type ActionResult, type OperatorContext } from './context';

const now = (ctx: OperatorContext) => (ctx.now ?? (() => new Date()))();

function audit(ctx: OperatorContext, type: string, user: AdminUserRow, detail: Record<string, unknown> = {}) {
  return recordAudit({ type, actor: { type: 'operator', id: ctx.actor.id, label: ctx.actor.label }, userId: user.id, detail: { email: user.email, ...detail } });
}

/** The enabled operators (by role or by OAUTH2_OPERATOR_EMAILS), by id. */
async function operatorIds(ctx: OperatorContext): Promise<Set<string>> {
  const [byRole, byEmail] = await Promise.all([listOperatorAccounts(ctx.db), listAccountsByEmail(ctx.db, ctx.operatorEmails)]);
  return new Set([...byRole, ...byEmail].map((u) => u.id));
}

/** Refuses when `user` is the only enabled operator left. */
async function wouldLeaveNoOperator(ctx: OperatorContext, user: AdminUserRow): Promise<boolean> {
  const ids = await operatorIds(ctx);
  return ids.has(user.id) && ids.size === 1;
}

async function load(ctx: OperatorContext, userId: string): Promise<AdminUserRow | null> {
  return findUserForAdmin(ctx.db, userId);
}

export async function disableUser(ctx: OperatorContext, userId: string, disabled: boolean): Promise<ActionResult<{ sessionsEnded: number; tokensRevoked: number }>> {
  const user = await load(ctx, userId);
  if (!user) return refused('not_found', 'No such user.');
  if (disabled) {
    if (ctx.actor.id === user.id) return refused('self', 'You cannot disable your own account.');
    if (await wouldLeaveNoOperator(ctx, user)) return refused('last_operator', `${user.email} is the last operator; make someone else an operator first.`);
  }
  await setUserDisabled(ctx.db, user.id, disabled, now(ctx));
  // Disabled: sessions end and tokens are revoked at once (they are already refused while the
  // account is disabled; revoking keeps them dead if it is enabled again).
  const ended = disabled ? await ctx.endAccess(user.id, { cause: { source: 'operator', reason: 'account_disabled' } }) : { sessionsEnded: 0, tokensRevoked: 0 };
  await audit(ctx, disabled ? 'user.disabled' : 'user.enabled', user, disabled ? ended : {});
  return ok(ended);
}

export async function setOperator(ctx: OperatorContext, userId: string, operator: boolean): Promise<ActionResult<AdminUserRow>> {
  const user = await load(ctx, userId);
  if (!user) return refused('not_found', 'No such user.');
  if (!operator && (await wouldLeaveNoOperator(ctx, user)) && user.operator) {
    return refused('last_operator', `${user.email} is the last operator; make someone else an operator first.`);
  }
  const updated = await setUserOperator(ctx.db, user.id, operator);
  await audit(ctx, operator ? 'user.operator_granted' : 'user.operator_revoked', user);
  return ok(updated!);
}

/**
 * Issue 19: replaces the account's roles with the names in `text` (spaces or commas; empty = none).
 * They reach applications in the next ID token, userinfo answer, introspection or JWT access token
 * with the `roles` scope; tokens already issued as JWTs keep what they were signed with.
 */
export async function setRoles(ctx: OperatorContext, userId: string, text: string): Promise<ActionResult<AdminUserRow>> {
  const user = await load(ctx, userId);
  if (!user) return refused('not_found', 'No such user.');
  const parsed = parseRoles(text);
  if (!parsed.ok) return refused('invalid_roles', parsed.reason);
  const updated = await setUserRoles(ctx.db, user.id, parsed.roles);
  await audit(ctx, 'user.roles_changed', user, { roles: parsed.roles, previous: user.roles });
  return ok(updated!);
}

export async function endSessions(ctx: OperatorContext, userId: string): Promise<ActionResult<number>> {
  const user = await load(ctx, userId);
  if (!user) return refused('not_found', 'No such user.');
  const { sessionsEnded } = await ctx.endAccess(user.id, { keepTokens: true, cause: { source: 'operator' } });
  await audit(ctx, 'session.ended', user, { by: 'operator', sessionsEnded });
  return ok(sessionsEnded);
}

export async function revokeTokens(ctx: OperatorContext, userId: string): Promise<ActionResult<number>> {
  const user = await load(ctx, userId);
  if (!user) return refused('not_found', 'No such user.');
  // The same revocation as endUserAccess (tokens and unexchanged codes, every application); the
  // audit row is written here with the operator as actor, so only the per-token events go out.
  const revoked = await createAuthorizationStore(ctx.db).revokeTokensForUser(user.id, now(ctx));
  let tokens = 0;
  for (const r of revoked) {
    if (ctx.events) announceEachToken(ctx.events, r, { source: 'operator', userId: user.id });
    tokens += r.accessTokens + r.refreshTokens;
  }
  await audit(ctx, 'token.revoked', user, { by: 'operator', tokens });
  return ok(tokens);
}

/**
 * Mails the account a reset link, as "Forgot password?" does (the same link, lifetime and
 * password.reset_requested event, with the operator as actor). Its email is the account's own,
 * so the operator never sees the link.
 */
export async function sendPasswordReset(ctx: OperatorContext, userId: string, flow: Pick<AccountFlowContext, 'baseUrl' | 'mail'>): Promise<ActionResult<string>> {
  const user = await load(ctx, userId);
  if (!user) return refused('not_found', 'No such user.');
  if (user.disabledAt) return refused('user_disabled', `${user.email} is disabled; enable the account first.`);
  const sent = await requestPasswordReset(user.email, { ...flow, db: ctx.db, actor: 'operator', operator: ctx.actor, now: now(ctx) });
  return sent ? ok(user.email) : refused('not_found', 'No such user.');
}

/** `confirmation` must be the account's email, typed. */
export async function deleteUser(ctx: OperatorContext, userId: string, confirmation: string): Promise<ActionResult<string>> {
  const user = await load(ctx, userId);
  if (!user) return refused('not_found', 'No such user.');
  if (confirmation.trim().toLowerCase() !== user.email) return refused('confirm', `Type ${user.email} to confirm.`);
  if (ctx.actor.id === user.id) return refused('self', 'You cannot delete your own account here.');
  if (await wouldLeaveNoOperator(ctx, user)) return refused('last_operator', `${user.email} is the last operator; make someone else an operator first.`);
  await deleteUserRow(ctx.db, user.id);
  await audit(ctx, 'account.deleted', user, { by: 'operator' });
  return ok(user.email);
}
