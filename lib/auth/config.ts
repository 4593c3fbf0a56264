/**
 * Auth.js (next-auth v5) configuration: who may sign in to this server's own pages.
 *
 * - Credentials (email + password, argon2id) against the users table. Auth.js allows
 *   Credentials only with JWT sessions, so the session is an encrypted cookie holding the
 *   local user id, the time of sign-in (OIDC `auth_time`, used by max_age / prompt=login) and
 *   a session secret whose user_sessions row must be live on every read (database-session.ts):
 *   that row is what sign-out and "Sign out" on the account page end, on every instance.
 * - GitHub and Google when AUTH_GITHUB_ID/AUTH_GITHUB_SECRET (AUTH_GOOGLE_ID/AUTH_GOOGLE_SECRET)
 *   are set: the provider's verified email finds the local user if that account's email is
 *   verified too, or creates one (lib/auth/social-account.ts); an unverified account is refused.
 *
 * Built lazily (on the first request, not at import) so `next build` never needs a secret.
 */
import type { NextAuthConfig } from 'next-auth';
import type { Provider } from 'next-auth/providers';
import Credentials from 'next-auth/providers/credentials';
import GitHub from 'next-auth/providers/github';
import Google from 'next-auth/providers/google';
import { getStore } from '@/lib/db';
import { signInSchema } from '@/lib/validations/auth';
import { getRateLimits } from '@/lib/rate-limit';
import { verifyPasswordOrNothing } from './password';
import { passwordSignIn } from './password-sign-in';
import { beginDatabaseSession, checkedSessionOf, endDatabaseSession, verifyDatabaseSession } from './database-session';
import { authSecret } from './secret';
import { SESSION_MAX_AGE_SECONDS, sessionExpired } from './session-lifetime';
import { accountForSocialSignIn, SIGNUP_CLOSED_ERROR, UNVERIFIED_ACCOUNT_ERROR } from './social-account';
import { signupOpen } from '@/lib/accounts/verification';
import { refuseSignIn, signInIp } from './sign-in-limits';
import { socialProvidersEnv } from '@/lib/config/process-env';
import { AccountDisabled } from './account-disabled';
import { auditPasswordSignIn, auditSignOut, auditSocialSignIn } from './sign-in-audit';
import { requireSecondFactorIfEnrolled, secondFactorProvider, secondStepAfterSocialSignIn } from './second-factor-provider';
import { passkeyProvider } from './passkey-provider';

export type OAuthProviderId = 'github' | 'google';

/** The social providers this instance offers, from the environment (for the sign-in buttons). */
export function oauthProviders(): { id: OAuthProviderId; name: string }[] {
  return socialProvidersEnv().map(({ id, name }) => ({ id, name }));
}

const credentials = Credentials({
  id: 'credentials',
  name: 'Email and password',
  credentials: {
    email: { label: 'Email', type: 'email' },
    password: { label: 'Password', type: 'password' },
  },
  async authorize(input, request) {
    const parsed = signInSchema.safeParse(input);
    if (!parsed.success) return null;
    const deps = { store: await getStore(), limits: await getRateLimits(), verifyPassword: verifyPasswordOrNothing };
    // Auth.js rebuilds the request with the original headers, X-Forwarded-For included.
    const result = await passwordSignIn(deps, signInIp(request.headers), parsed.data.email, parsed.data.password);
    if (result.outcome === 'rate_limited') refuseSignIn(result.limit, result.retryAfter);
    await auditPasswordSignIn(parsed.data.email, result);
    if (result.outcome === 'disabled') throw new AccountDisabled();
    if (result.outcome !== 'signed_in') return null;
    // Issue 22: with an authenticator app, no session yet; the code comes next (/login/verify).
    await requireSecondFactorIfEnrolled(result.user.id, ['pwd']);
    return { id: result.user.id, email: result.user.email, name: result.user.name, authMethods: ['pwd'] };
  },
});

function providers(): Provider[] {
  const list: Provider[] = [credentials, secondFactorProvider, passkeyProvider];
  for (const { id, clientId, clientSecret } of socialProvidersEnv()) {
    list.push(id === 'github' ? GitHub({ clientId, clientSecret }) : Google({ clientId, clientSecret }));
  }
  return list;
}

/**
 * Whether the provider vouches for this email. Google says so in the profile; GitHub's
 * profile email may be unverified, so its verified addresses are asked for (scope user:email).
 */
async function providerVerifiedEmail(provider: string, email: string, profile: unknown, accessToken: string | undefined) {
  if (provider === 'google') {
    return (profile as { email_verified?: unknown } | undefined)?.email_verified === true;
  }
  if (provider === 'github' && accessToken) {
    const res = await fetch('https://api.github.com/user/emails', {
      headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/vnd.github+json', 'User-Agent': 'oauth-server' },
    });
    if (!res.ok) return false;
    const emails = (await res.json()) as { email: string; verified: boolean }[];
    return emails.some((e) => e.verified && e.email.toLowerCase() === email.toLowerCase());
  }
  return false;
}

/** The amr values a Credentials provider's authorize returned with the user. */
function methodsOf(user: unknown): string[] {
  const methods = (user as { authMethods?: unknown }).authMethods;
  return Array.isArray(methods) ? methods.filter((m): m is string => typeof m === 'string') : ['pwd'];
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function buildConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: '/login', error: '/login' },
    providers: providers(),
    logger: {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      error(error) {
        if ((error as { type?: string }).type === 'CredentialsSignin') return;
        console.error(error);
      },
    },
    // The audit trail's sign-out (sign-in is recorded where its outcome is known, above).
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.type === 'credentials') return true;
        if (!user.email) return false;
        if (!(await providerVerifiedEmail(account.provider, user.email, profile, account.access_token))) return false;
        const found = await accountForSocialSignIn(await getStore(), user.email, user.name, signupOpen());
        if (found.outcome !== 'signed_in') return `/login?error=${found.outcome === 'signup_closed' ? SIGNUP_CLOSED_ERROR : UNVERIFIED_ACCOUNT_ERROR}`;
        if (found.user.disabledAt) return '/login?error=AccountDisabled';
        await auditSocialSignIn(found.user, account.provider);
        // Issue 22: an account with an authenticator app enters a code after the provider too.
        return (await secondStepAfterSocialSignIn(found.user.id)) ?? true;
      },
      /** Runs at sign-in (user and account set) and on every session read (token only). */
      async jwt({ token, user, account }) {
        if (!user || !account) {
          // A refresh: keep uid and authTime as they were, until 12 hours after the sign-in, and
          // only while the session's row is live (ended elsewhere = signed out here). A cookie
          // from before database sessions has no secret: signed out once.
          if (sessionExpired(token.authTime, nowSeconds())) return null;
          return (await verifyDatabaseSession(token)) ? token : null;
        }
        let local: { id: string; email: string; name: string | null } | null;
        if (account.type === 'credentials') {
          local = user.id && user.email ? { id: user.id, email: user.email, name: user.name ?? null } : null;
        } else {
          // Decided again here (signIn already did): the session goes only to a verified account.
          const found = user.email ? await accountForSocialSignIn(await getStore(), user.email, user.name, signupOpen()) : null;
          local = found?.outcome === 'signed_in' && !found.user.disabledAt ? found.user : null;
        }
        if (!local) return null; // clears the cookie
        // What the sign-in proved (RFC 8176 amr): each Credentials provider says; social sign-ins none.
        const authMethods = account.type === 'credentials' ? methodsOf(user) : [];
        const sessionSecret = await beginDatabaseSession(local.id, authMethods);
        return { sub: local.id, uid: local.id, email: local.email, name: local.name, authTime: nowSeconds(), sessionSecret };
      },
      session({ session, token }) {
        const uid = typeof token.uid === 'string' ? token.uid : '';
        const authTime = typeof token.authTime === 'number' ? token.authTime : 0;
        // The row the jwt callback just checked: the user as the database has them now.
        const live = checkedSessionOf(token);
        return {
          ...session,
          user: { ...session.user, id: uid, email: live?.user.email ?? token.email ?? '', name: live ? live.user.name : (token.name ?? null) },
          authTime,
          sessionId: live?.sessionId,
          emailVerified: live?.user.emailVerified ?? false,
          operator: live?.user.operator ?? false,
          authMethods: live?.authMethods ?? [],
        };
      },
    },
    events: {
      async signOut(message) {
        await endDatabaseSession('token' in message ? message.token : null);
        await auditSignOut(message);
      },
    },
  };
}

let config: NextAuthConfig | undefined;

/** The configuration, built on first use (it reads the secret, which may create .data/auth-secret). */
export function authConfig(): NextAuthConfig {
  config ??= buildConfig();
  return config;
}
