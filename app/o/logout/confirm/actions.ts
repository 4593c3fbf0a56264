'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { signOut } from '@/lib/auth';
import { getOAuthServer } from '@/lib/oauth-server';

/** Signs out, then returns to the relying party's registered post_logout_redirect_uri (re-validated here). */
export async function confirmLogout(formData: FormData): Promise<void> {
  const params = new URLSearchParams();
  for (const [k, v] of formData) if (typeof v === 'string' && !k.startsWith('$ACTION')) params.set(k, v);
  const h = await headers();
  const origin = `${h.get('x-forwarded-proto') ?? 'http'}://${h.get('host') ?? 'localhost'}`;
  const plan = await (await getOAuthServer()).planLogout(params, new Request(`${origin}/o/logout`));
  await signOut({ redirect: false });
  redirect(plan.target);
}
