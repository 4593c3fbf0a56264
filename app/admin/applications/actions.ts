'use server';
/** The console's actions on an application; each checks the operator role and writes its audit event (lib/admin). */
import { redirect } from 'next/navigation';
import { deleteApplication, disableApplication, revokeApplicationTokens, transferApplication } from '@/lib/admin/application-actions';
import type { ActionResult } from '@/lib/admin/context';
import { requireOperator } from '@/lib/admin/require-operator';
import { consoleContext } from '@/lib/admin/server-context';

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

function back(id: string, result: ActionResult<unknown>, success: string): never {
  if (!result.ok && result.code === 'not_found') redirect('/admin/applications?notice=not_found');
  redirect(`/admin/applications/${encodeURIComponent(id)}?notice=${result.ok ? success : result.code}`);
}

export async function setApplicationDisabledAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  const disable = field(formData, 'disable') === '1';
  back(id, await disableApplication(ctx, id, disable), disable ? 'disabled' : 'enabled');
}

export async function revokeApplicationTokensAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  back(id, await revokeApplicationTokens(ctx, id), 'tokens_revoked');
}

export async function transferApplicationAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  const email = field(formData, 'email').slice(0, 320);
  back(id, email.includes('@') ? await transferApplication(ctx, id, email) : { ok: false, code: 'no_account', reason: '' }, 'transferred');
}

export async function deleteApplicationAction(formData: FormData): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  const id = field(formData, 'id');
  const result = await deleteApplication(ctx, id, field(formData, 'confirmation'));
  if (result.ok) redirect('/admin/applications?notice=application_deleted');
  back(id, result, '');
}
