/**
 * Sign-in for this server's own pages (Auth.js v5), and the questions pages and the
 * authorization endpoint ask of it: who is signed in, and since when.
 *
 * `auth()` reads the session cookie through next/headers, so everything here works in
 * server components, server actions and route handlers alike (not in the OAuth engine,
 * which receives the answer instead).
 */
import { cache } from 'react';
import NextAuth from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getStore } from '@/lib/db';
import { authConfig } from './config';
import { loginUrl } from './redirect';

export { loginUrl, safeNext } from './redirect';

const nextAuth = NextAuth(() => authConfig());

export const { handlers, signIn, signOut } = nextAuth;

/** The session cookie's content, read once per request (React `cache`). */
export const auth = cache(async () => nextAuth.auth());

export interface SignedInUser {
  id: string;
  email: string;
  name: string | null;
  /** Whether the address was verified (a provider vouched for it, or an operator created the account). */
  emailVerified: boolean;
  /** OIDC `auth_time`: epoch seconds of the sign-in (unchanged when the cookie is refreshed). */
  authTime: number;
  /** The operator role column (isOperator() also honours OAUTH2_OPERATOR_EMAILS). */
  operator: boolean;
}

/**
 * The signed-in user, or null. Null too when the cookie names a user that no longer
 * exists (deleted since), so a stale cookie never counts as a sign-in.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = await auth();
  const user = session?.user as { id?: unknown } | undefined;
  const id = typeof user?.id === 'string' ? user.id : '';
  if (!id) return null;
  const row = await (await getStore()).findUserById(id);
  // A disabled account's cookie stops counting at once, on every instance (the row is read per request).
  if (!row || row.disabledAt) return null;
  const authTime = (session as { authTime?: unknown }).authTime;
  return { id: row.id, email: row.email, name: row.name, emailVerified: row.emailVerified, authTime: typeof authTime === 'number' ? authTime : 0, operator: row.operator ?? false };
});

/** For /o/authorize: who is signed in and when (for max_age and prompt=login), or null. */
export async function currentSignIn(): Promise<{ userId: string; email: string; authTime: number } | null> {
  const user = await currentUser();
  return user ? { userId: user.id, email: user.email, authTime: user.authTime } : null;
}

/**
 * The signed-in user, or a redirect to /login?next=<path>. Pages pass their own path;
 * without one, the path comes from the `x-pathname` request header when the proxy sets it.
 */
export async function requireUser(nextPath?: string): Promise<{ id: string; email: string; name: string | null; emailVerified: boolean; operator: boolean }> {
  const user = await currentUser();
  if (user) return { id: user.id, email: user.email, name: user.name, emailVerified: user.emailVerified, operator: user.operator };
  const path = nextPath ?? (await headers()).get('x-pathname') ?? undefined;
  redirect(loginUrl(path));
}
