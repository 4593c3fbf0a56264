'use server';
/** The console's actions on an application; each checks the operator role and writes its audit event (lib/admin). */
import { redirect } from 'next/navigation';
import { deleteApplication, disableApplication, editApplication, revokeApplicationTokens, transferApplication } from '@/lib/admin/application-actions';
import { readApplicationForm, refusedBy } from '@/lib/applications/form-state';
import { storedApplication, type ApplicationFormState } from '@/lib/applications/schema';
import { getSettings } from '@/lib/config/settings';
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

/** The dashboard's edit form, for any application (any owner, or none); refusals appear beside their field. */
export async function editApplicationAction(id: string, _prev: ApplicationFormState, formData: FormData): Promise<ApplicationFormState> {
  const ctx = await consoleContext(await requireOperator());
  const form = readApplicationForm(formData);
  if (!form.ok) return form;
  let result: Awaited<ReturnType<typeof editApplication>>;
  try {
    result = await editApplication(ctx, id, storedApplication(form.data), getSettings());
  } catch (e) {
    return refusedBy(e, form.values);
  }
  if (!result.ok) redirect('/admin/applications?notice=not_found');
  const { application, clientSecret } = result.value;
  if (clientSecret) return { ok: true, id: application.id, name: application.name, clientId: application.clientId, clientSecret };
  redirect(`/admin/applications/${application.id}?notice=saved`);
}
