/**
 * What an operator does to an application: disable or enable it, revoke all its tokens, give
 * it to another owner, edit it, delete it. Each writes an audit event with the operator as actor;
 * the revocations are announced on the bus (token_revoked, metrics) as the dashboard's are. Edit
 * and delete go through the application service (lib/applications/service.ts), as the dashboard
 * and the CLI do, naming the application by client_id (any owner, or none).
 */
import { deleteApplication as deleteThroughService, updateApplication, type ApplicationUpdate } from '@/lib/applications/service';
import type { ServiceSettings } from '@/lib/applications/service';
import { recordAudit } from '@/lib/audit';
import {
  findApplicationForAdmin,
  revokeApplicationTokens as revokeRows,
  setApplicationDisabled,
  transferApplication as transferRow,
  type AdminApplicationRow,
} from '@/lib/db/admin-applications';
import { findUserByEmailForAdmin } from '@/lib/db/admin-users';
import { createApplicationStore, type OperatorApplication, type RevokedTokens } from '@/lib/db/applications';
import { announceEachToken } from '@/lib/server/revocation-events';
import { ok, refused, type ActionResult, type OperatorContext } from './context';

const now = (ctx: OperatorContext) => (ctx.now ?? (() => new Date()))();

function audit(ctx: OperatorContext, type: string, app: Pick<AdminApplicationRow, 'clientId' | 'name' | 'ownerId'>, detail: Record<string, unknown> = {}) {
  return recordAudit({
    type,
    actor: { type: 'operator', id: ctx.actor.id, label: ctx.actor.label },
    clientId: app.clientId,
    userId: app.ownerId,
    detail: { application: app.name, ...detail },
  });
}

const operatorActor = (ctx: OperatorContext) => ({ type: 'operator' as const, id: ctx.actor.id, label: ctx.actor.label });

function announce(ctx: OperatorContext, revoked: RevokedTokens) {
  // The audit row is written here (with the operator as actor), so only the per-token events go out.
  if (ctx.events) announceEachToken(ctx.events, revoked, { source: 'operator' });
}

export async function disableApplication(ctx: OperatorContext, id: string, disabled: boolean): Promise<ActionResult<AdminApplicationRow>> {
  const app = await findApplicationForAdmin(ctx.db, id);
  if (!app) return refused('not_found', 'No such application.');
  await setApplicationDisabled(ctx.db, app.id, disabled, now(ctx));
  await audit(ctx, disabled ? 'application.disabled' : 'application.enabled', app);
  return ok(app);
}

export async function revokeApplicationTokens(ctx: OperatorContext, id: string): Promise<ActionResult<RevokedTokens>> {
  const app = await findApplicationForAdmin(ctx.db, id);
  if (!app) return refused('not_found', 'No such application.');
  const revoked = await revokeRows(ctx.db, app.id, now(ctx));
  if (!revoked) return refused('not_found', 'No such application.');
  announce(ctx, revoked);
  await audit(ctx, 'token.revoked', { ...app, ownerId: null }, { by: 'operator', accessTokens: revoked.accessTokens, refreshTokens: revoked.refreshTokens });
  return ok(revoked);
}

export async function transferApplication(ctx: OperatorContext, id: string, newOwnerEmail: string): Promise<ActionResult<{ email: string }>> {
  const app = await findApplicationForAdmin(ctx.db, id);
  if (!app) return refused('not_found', 'No such application.');
  const owner = await findUserByEmailForAdmin(ctx.db, newOwnerEmail);
  if (!owner) return refused('no_account', `No account with email ${newOwnerEmail.trim()}.`);
  if (!(await transferRow(ctx.db, app.id, owner.id, now(ctx)))) return refused('not_found', 'No such application.');
  await audit(ctx, 'application.transferred', { ...app, ownerId: owner.id }, { from: app.ownerEmail, to: owner.email });
  return ok({ email: owner.email });
}

/**
 * The dashboard's edit, for any application: the service checks what it becomes and records
 * application.updated with the operator as actor. Throws ApplicationInputError for a value the
 * rules refuse (the form shows it beside its field). A new secret (public → confidential) is
 * returned to be shown once.
 */
export async function editApplication(
  ctx: OperatorContext,
  id: string,
  update: ApplicationUpdate,
  settings: ServiceSettings,
): Promise<ActionResult<{ application: OperatorApplication; clientSecret: string | null }>> {
  const app = await findApplicationForAdmin(ctx.db, id);
  if (!app) return refused('not_found', 'No such application.');
  const saved = await updateApplication(createApplicationStore(ctx.db), { clientId: app.clientId }, update, settings, operatorActor(ctx));
  return saved ? ok(saved) : refused('not_found', 'No such application.');
}

/**
 * `confirmation` must be the application's name, typed. The service deletes it (cascading to its
 * tokens, codes and consents), announces the revoked tokens and records application.deleted
 * with the operator as actor.
 */
export async function deleteApplication(ctx: OperatorContext, id: string, confirmation: string): Promise<ActionResult<RevokedTokens>> {
  const app = await findApplicationForAdmin(ctx.db, id);
  if (!app) return refused('not_found', 'No such application.');
  if (confirmation.trim() !== app.name.trim()) return refused('confirm', `Type ${app.name} to confirm.`);
  const deleted = await deleteThroughService(createApplicationStore(ctx.db), { clientId: app.clientId }, ctx.events, operatorActor(ctx));
  return deleted ? ok(deleted) : refused('not_found', 'No such application.');
}
