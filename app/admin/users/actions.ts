'use server';
/**
 * The console's actions on an account. Each checks the operator role itself (a server action is
 * a public endpoint), writes its audit event through lib/admin, and comes back with a notice.
 */
import { redirect } from 'next/navigation';
import type { ActionResult } from '@/lib/admin/context';
import { requireOperator } from '@/lib/admin/require-operator';
import { consoleContext } from '@/lib/admin/server-context';
import { requestMailBaseUrl } from '@/lib/accounts/base-url';
import { deleteUser, disableUser, endSessions, revokeTokens, sendPasswordReset, setOperator, setRoles } from '@/lib/admin/user-actions';

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

function back(id: string, result: ActionResult<unknown>, success: string): never {
  if (!result.ok && result.code === 'not_found') redirect('/admin/users?notice=not_found');
  redirect(`/admin/users/${encodeURIComponent(id)}?notice=${result.ok ? success : result.code}`);
}

export async function setUserDisabledAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  const disable = field(formData, 'disable') === '1';
  back(id, await disableUser(ctx, id, disable), disable ? 'disabled' : 'enabled');
}

export async function setOperatorAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  const on = field(formData, 'operator') === '1';
  back(id, await setOperator(ctx, id, on), on ? 'operator_on' : 'operator_off');
}

export async function setRolesAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  back(id, await setRoles(ctx, id, field(formData, 'roles')), 'roles_saved');
}

export async function endSessionsAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  back(id, await endSessions(ctx, id), 'sessions_ended');
}

export async function revokeTokensAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  back(id, await revokeTokens(ctx, id), 'tokens_revoked');
}

export async function sendPasswordResetAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  back(id, await sendPasswordReset(ctx, id, { baseUrl: await requestMailBaseUrl() }), 'reset_sent');
}

export async function deleteUserAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  const result = await deleteUser(ctx, id, field(formData, 'confirmation'));
  if (result.ok) redirect('/admin/users?notice=user_deleted');
  back(id, result, '');
}
