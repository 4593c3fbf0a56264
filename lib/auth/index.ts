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
import type { SignedInUser as EngineSignedInUser } from '@/lib/oauth/context';
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
  /** This browser's session (user_sessions.id): "This device" on the account page. */
  sessionId: string;
  /** The operator role column (isOperator() also honours OAUTH2_OPERATOR_EMAILS). */
  operator: boolean;
  /** RFC 8176 amr values this browser's sign-in earned (issue 22). */
  authMethods: string[];
}

/**
 * The signed-in user, or null. The session callback already checked the session's row and
 * read the user with it (one indexed lookup, lib/auth/database-session.ts): a cookie whose
 * session ended, or whose user was deleted or disabled, never counts as a sign-in.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const session = (await auth()) as { user?: { id?: unknown; email?: unknown; name?: unknown }; authTime?: unknown; sessionId?: unknown; emailVerified?: unknown; operator?: unknown; authMethods?: unknown } | null;
  const user = session?.user;
  const id = typeof user?.id === 'string' ? user.id : '';
  const sessionId = typeof session?.sessionId === 'string' ? session.sessionId : '';
  if (!id || !sessionId || typeof user?.email !== 'string') return null;
  const authTime = session?.authTime;
  return {
    id,
    email: user.email,
    name: typeof user.name === 'string' ? user.name : null,
    emailVerified: session?.emailVerified === true,
    authTime: typeof authTime === 'number' ? authTime : 0,
    sessionId,
    operator: session?.operator === true,
    authMethods: Array.isArray(session?.authMethods) ? session.authMethods.filter((m): m is string => typeof m === 'string') : [],
  };
});

/**
 * The engine's SignedInUser (plus the email), or null: the one mapping from the session to what
 * /o/authorize and the consent decision read (auth_time for max_age, amr/acr, sid), so no caller
 * builds it by hand and forgets a field.
 */
export async function currentSignIn(): Promise<(EngineSignedInUser & { email: string; sessionId: string; authMethods: string[] }) | null> {
  const user = await currentUser();
  return user
    ? { userId: user.id, email: user.email, authTime: user.authTime, emailVerified: user.emailVerified, authMethods: user.authMethods, operator: user.operator, sessionId: user.sessionId }
    : null;
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
