'use server';
/**
 * Saves an edited application, for its owner only: another account's id is a 404, as on the
 * page. When the client type change gives it a new secret, the form shows it once; otherwise
 * back to the application.
 */
import { notFound, redirect } from 'next/navigation';
import { readApplicationForm, refusedBy } from '@/lib/applications/form-state';
import { storedApplication, type ApplicationFormState } from '@/lib/applications/schema';
import { updateApplication as update } from '@/lib/applications/service';
import { requireUser } from '@/lib/auth';
import { getSettings } from '@/lib/config/settings';
import { getApplicationStore } from '@/lib/db';

export async function updateApplication(id: string, _prev: ApplicationFormState, formData: FormData): Promise<ApplicationFormState> {
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}/update`);
  const form = readApplicationForm(formData);
  if (!form.ok) return form;
  let saved: Awaited<ReturnType<typeof update>>;
  try {
    saved = await update(await getApplicationStore(), { id, ownerId: user.id }, storedApplication(form.data), getSettings(), { type: 'user', id: user.id, label: user.email });
  } catch (e) {
    return refusedBy(e, form.values);
  }
  if (!saved) notFound();
  const { application, clientSecret } = saved;
  if (clientSecret) return { ok: true, id: application.id, name: application.name, clientId: application.clientId, clientSecret };
  redirect(`/o/applications/${application.id}?saved=1`);
}
