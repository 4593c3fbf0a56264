'use server';
/**
 * Registers an application for the signed-in developer. Answers the form with field errors,
 * or with the client id and the secret, which the page shows once (never in a URL).
 */
import { readApplicationForm, refusedBy } from '@/lib/applications/form-state';
import { storedApplication, type ApplicationFormState } from '@/lib/applications/schema';
import { registerApplication as register } from '@/lib/applications/service';
import { requireUser } from '@/lib/auth';
import { getSettings } from '@/lib/config/settings';
import { getApplicationStore } from '@/lib/db';

export async function registerApplication(_prev: ApplicationFormState, formData: FormData): Promise<ApplicationFormState> {
  const user = await requireUser('/o/applications/register');
  const form = readApplicationForm(formData);
  if (!form.ok) return form;
  try {
    const { application, clientSecret } = await register(await getApplicationStore(), { ...storedApplication(form.data), ownerId: user.id }, getSettings(), { type: 'user', id: user.id, label: user.email });
    return { ok: true, id: application.id, name: application.name, clientId: application.clientId, clientSecret, keyAuthentication: application.tokenEndpointAuthMethod === 'private_key_jwt', secretSealed: application.tokenEndpointAuthMethod === 'client_secret_jwt' };
  } catch (e) {
    return refusedBy(e, form.values);
  }
}
