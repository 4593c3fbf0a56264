'use server';
/**
 * Saves an edited application, for its owner only: another account's id is a 404, as on the
 * page. Changing the client type changes the secret: a public client loses it (it could not
 * keep it), a confidential one without a secret gets one, shown once.
 */
import { notFound, redirect } from 'next/navigation';
import { readApplicationForm } from '@/lib/applications/form-state';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import { digest, randomToken } from '@/lib/oauth/secrets';
import { getSettings } from '@/lib/config/settings';
import { GRANT_TYPES, storedApplication, type ApplicationFormState } from '@/lib/validations/application';

export async function updateApplication(id: string, _prev: ApplicationFormState, formData: FormData): Promise<ApplicationFormState> {
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}/update`);
  const store = await getDashboardStore();
  const app = await store.findApplicationForOwner(id, user.id);
  if (!app) notFound();

  const form = readApplicationForm(formData, getSettings());
  if (!form.ok) return form;

  let clientSecret: string | null = null;
  let clientSecretDigest: string | null | undefined;
  if (form.data.clientType === 'public') clientSecretDigest = null;
  else if (!app.hasSecret) {
    clientSecret = randomToken();
    clientSecretDigest = digest(clientSecret);
  }
  // Grant types this form doesn't offer (e.g. an explicit refresh_token from the command line) stay.
  const kept = app.grantTypes.filter((g) => !(GRANT_TYPES as readonly string[]).includes(g));
  const saved = await store.updateApplicationForOwner(id, user.id, {
    ...storedApplication(form.data),
    grantTypes: [...form.data.grantTypes, ...kept],
    ...(clientSecretDigest !== undefined ? { clientSecretDigest } : {}),
  });
  if (!saved) notFound();

  if (clientSecret) return { ok: true, id: app.id, name: form.data.name, clientId: app.clientId, clientSecret };
  redirect(`/o/applications/${app.id}?saved=1`);
}
