'use server';
/**
 * Registers an application for the signed-in developer. Answers the form with field errors,
 * or with the client id and the secret, which the page shows once (never in a URL).
 */
import { readApplicationForm, refusedBy } from '@/lib/applications/form-state';
import { registerApplication as register } from '@/lib/applications';
import { requireUser } from '@/lib/auth';
import { getApplicationStore } from '@/lib/db';
import { getSettings } from '@/lib/config/settings';
import { storedApplication, type ApplicationFormState } from '@/lib/validations/application';

export async function registerApplication(_prev: ApplicationFormState, formData: FormData): Promise<ApplicationFormState> {
  const user = await requireUser('/o/applications/register');
  const settings = getSettings();
  const form = readApplicationForm(formData, settings);
  if (!form.ok) return form;
  try {
    const { application, clientSecret } = await register(await getApplicationStore(), { ...storedApplication(form.data), ownerId: user.id }, settings);
    return { ok: true, id: application.id, name: application.name, clientId: application.clientId, clientSecret };
  } catch (e) {
    return refusedBy(e, form.values);
  }
}
