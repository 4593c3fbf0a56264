/**
 * Auth.js (next-auth v5) configuration: who may sign in to this server's own pages.
 *
 * - Credentials (email + password, argon2id) against the users table. Auth.js allows
 *   Credentials only with JWT sessions, so the session is an encrypted cookie holding the
 *   local user id and the time of sign-in (OIDC `auth_time`, used by max_age / prompt=login).
 * - GitHub and Google when AUTH_GITHUB_ID/AUTH_GITHUB_SECRET (AUTH_GOOGLE_ID/AUTH_GOOGLE_SECRET)
 *   are set: the provider's verified email finds or creates the local user.
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
import { verifyAgainstNothing, verifyPassword } from './password';
import { authSecret } from './secret';
import { checkSignIn, recordFailedSignIn } from './sign-in-limits';

export type OAuthProviderId = 'github' | 'google';

/** The social providers this instance offers, from the environment (for the sign-in buttons). */
export function oauthProviders(): { id: OAuthProviderId; name: string }[] {
  const list: { id: OAuthProviderId; name: string }[] = [];
  if (process.env.AUTH_GITHUB_ID && process.env.AUTH_GITHUB_SECRET) list.push({ id: 'github', name: 'GitHub' });
  if (process.env.AUTH_GOOGLE_ID && process.env.AUTH_GOOGLE_SECRET) list.push({ id: 'google', name: 'Google' });
  return list;
}

/** Checks an email and password; the user on success, null otherwise (same time either way). */
export async function authenticateWithPassword(email: string, password: string) {
  const store = await getStore();
  const user = await store.findUserByEmail(email);
  if (!user?.passwordHash) return verifyAgainstNothing(password).then(() => null);
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
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
    // Auth.js rebuilds the request with the original headers, X-Forwarded-For included.
    await checkSignIn(request.headers, parsed.data.email);
    const user = await authenticateWithPassword(parsed.data.email, parsed.data.password);
    if (!user) await recordFailedSignIn(parsed.data.email);
    return user ? { id: user.id, email: user.email, name: user.name } : null;
  },
});

function providers(): Provider[] {
  const list: Provider[] = [credentials];
  for (const { id } of oauthProviders()) {
    if (id === 'github') {
      list.push(GitHub({ clientId: process.env.AUTH_GITHUB_ID, clientSecret: process.env.AUTH_GITHUB_SECRET }));
    } else {
      list.push(Google({ clientId: process.env.AUTH_GOOGLE_ID, clientSecret: process.env.AUTH_GOOGLE_SECRET }));
    }
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

/** The local account for a verified provider email: found, or created without a password. */
async function findOrCreateOAuthUser(email: string, name: string | null | undefined) {
  const store = await getStore();
  const existing = await store.findUserByEmail(email);
  if (existing) return existing;
  // createUser answers null if someone created this email meanwhile; then it exists.
  return (
    (await store.createUser({ email, name: name ?? null, passwordHash: null, emailVerified: true })) ??
    (await store.findUserByEmail(email))
  );
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function buildConfig(): NextAuthConfig {
  return {
    secret: authSecret(),
    trustHost: true,
    session: { strategy: 'jwt' },
    pages: { signIn: '/login', error: '/login' },
    providers: providers(),
    logger: {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      error(error) {
        if ((error as { type?: string }).type === 'CredentialsSignin') return;
        console.error(error);
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (!account || account.provider === 'credentials') return true;
        if (!user.email) return false;
        return providerVerifiedEmail(account.provider, user.email, profile, account.access_token);
      },
      /** Runs at sign-in (user and account set) and on every session read (token only). */
      async jwt({ token, user, account }) {
        if (!user || !account) return token; // a refresh: keep uid and authTime as they were
        let local: { id: string; email: string; name: string | null } | null;
        if (account.provider === 'credentials') {
          local = user.id && user.email ? { id: user.id, email: user.email, name: user.name ?? null } : null;
        } else {
          local = user.email ? await findOrCreateOAuthUser(user.email, user.name) : null;
        }
        if (!local) return null; // clears the cookie
        return { sub: local.id, uid: local.id, email: local.email, name: local.name, authTime: nowSeconds() };
      },
      session({ session, token }) {
        const uid = typeof token.uid === 'string' ? token.uid : '';
        const authTime = typeof token.authTime === 'number' ? token.authTime : 0;
        return {
          ...session,
          user: { ...session.user, id: uid, email: token.email ?? '', name: token.name ?? null },
          authTime,
        };
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
