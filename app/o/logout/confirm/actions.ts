'use server';

import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth';
import { currentIssuer } from '@/lib/config/issuer';
import { getOAuthServer } from '@/lib/server/oauth-server';

/** Signs out, then returns to the relying party's registered post_logout_redirect_uri (re-validated here). */
export async function confirmLogout(formData: FormData): Promise<void> {
  const params = new URLSearchParams();
  for (const [k, v] of formData) if (typeof v === 'string' && !k.startsWith('$ACTION')) params.set(k, v);
  const plan = await (await getOAuthServer()).planLogout(params, await currentIssuer());
  await signOut({ redirect: false });
  redirect(plan.target);
}
