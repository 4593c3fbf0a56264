'use server';
/**
 * RFC 8628 §3.3: the code a person typed at /o/device. A right code goes on to the consent page
 * (through sign-in when needed); a wrong one comes back with the reason, and counts against the
 * address (§5.1), so codes cannot be guessed by trying them.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getSettings } from '@/lib/config/settings';
import { clientIp } from '@/lib/http/client-ip';
import { PATHS } from '@/lib/oauth/paths';
import { getOAuthServer } from '@/lib/server/oauth-server';

export async function continueWithCode(formData: FormData): Promise<void> {
  const typed = formData.get('user_code');
  const code = typeof typed === 'string' ? typed.slice(0, 64) : '';
  const ip = clientIp(await headers(), getSettings().rateLimits.trustedProxies);
  const found = await (await getOAuthServer()).lookUpDeviceCode(code, ip);
  if (!found.ok) {
    const back = new URLSearchParams({ error: found.problem, user_code: code });
    if (found.retryAfter) back.set('retry_after', String(found.retryAfter));
    redirect(`${PATHS.device}?${back}`);
  }
  // The consent page signs the person in first (login?next=) when nobody is.
  redirect(`${PATHS.consent}?${new URLSearchParams({ user_code: found.view.userCode })}`);
}
