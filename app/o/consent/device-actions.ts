'use server';
/**
 * RFC 8628 §3.3: the decision on a device's request. Like the consent decision (./actions.ts):
 * the form names only the user code, the decision and the ticked scopes; the engine loads the
 * rest from the stored device authorization and records who approved it, in which session.
 */
import { redirect } from 'next/navigation';
import { currentSignIn, loginUrl } from '@/lib/auth';
import { authSecret } from '@/lib/auth/secret';
import { verifyCsrfToken } from '@/lib/http/csrf';
import { PATHS } from '@/lib/oauth/paths';
import { getOAuthServer } from '@/lib/server/oauth-server';
import { deviceCsrfSubject, deviceConsentPath } from './device-paths';

export async function decideDevice(formData: FormData): Promise<void> {
  const value = formData.get('request');
  const userCode = typeof value === 'string' ? value.slice(0, 20) : '';
  // The engine's SignedInUser, as the consent decision takes it: the device's tokens carry how the person signed in (amr, acr).
  const user = await currentSignIn();
  if (!user) redirect(loginUrl(deviceConsentPath(userCode)));
  if (!userCode || !verifyCsrfToken(authSecret(), deviceCsrfSubject(userCode), user.userId, formData.get('csrf'))) {
    redirect(`${PATHS.device}?error=expired`);
  }
  const allow = formData.get('decision') === 'allow';
  const scopes = formData.has('scope_choice') ? formData.getAll('scope').filter((s): s is string => typeof s === 'string') : undefined;
  const outcome = await (await getOAuthServer()).decideDeviceAuthorization(userCode, user, allow ? { allow: true, scopes } : { allow: false });
  if (!outcome) redirect(`${PATHS.device}?error=expired`);
  redirect(`${PATHS.device}?result=${outcome === 'approved' ? 'connected' : 'denied'}`);
}
