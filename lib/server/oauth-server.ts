/**
 * The seam between the framework-free engine and this app: the database store, the settings,
 * the session (for /o/authorize only) and argon2. Route handlers export these one-liners.
 */
import { mfaRequiredFor } from '@/lib/factors/settings';
import { createOAuthServer, type OAuthServer } from '@/lib/oauth';
import { getStore } from '@/lib/db';
import { getSettings } from '@/lib/config/settings';
import { verifyPasswordOrNothing } from '@/lib/auth/password';
import { KeyRing } from '@/lib/oauth/oidc/keys';
import { PATHS } from '@/lib/oauth/paths';
import { createIdTokenSigner } from '@/lib/oauth/oidc/id-token';
import { protectedResources } from '@/lib/resource-server/protected-resources';
import { createMetadataDocumentFetcher, fetchMetadataDocument } from '@/lib/agents/fetch-metadata-document';
import { events } from '@/lib/server/events';
import { noteErrorCode } from '@/lib/observability/observe';
import { getRateLimits } from '@/lib/rate-limit';
import { verificationHold } from '@/lib/accounts/verification-settings';
import { singleton } from '@/lib/runtime/singletons';
import { isDatabaseUnavailable } from '@/lib/db/unavailable';
import { dpopNoncesFor } from '@/lib/server/dpop-nonces';
import { extraClaimsForServer } from '@/lib/extensions/load-claims';
import { clientSecretSealer } from '@/lib/applications/secret-sealing';

// The bus lives in its own module so the toolkit can emit on it without loading the engine.

export function getOAuthServer(): Promise<OAuthServer> {
  return singleton<Promise<OAuthServer>>('oauth-server', async () => {
    const store = await getStore();
    const settings = getSettings();
    const clock = () => new Date();
    const keys = new KeyRing(store, clock);
    const extraClaims = await extraClaimsForServer();
    return createOAuthServer({
      store,
      settings,
      clock,
      events,
      keys,
      idTokens: createIdTokenSigner({ store, settings, clock, keys, extraClaims }),
      extraClaims,
      clientSecretSealer: clientSecretSealer(),
      signOut: async () => {
        const { signOut } = await import('@/lib/auth');
        await signOut({ redirect: false });
      },
      // Loaded on first use: the machine endpoints never touch the session.
      currentUser: async () => {
        const { currentSignIn } = await import('@/lib/auth');
        return currentSignIn();
      },
      verifyPassword: verifyPasswordOrNothing,
      isUnavailable: isDatabaseUnavailable,
      accountHold: (account) => verificationHold(account, settings.accounts.signup),
      requireMfa: (user) => mfaRequiredFor(settings.factors.requireMfa, user),
      protectedResources,
      fetchMetadataDocument: createMetadataDocumentFetcher(),
      // private_key_jwt keys by URL: the same SSRF-safe fetch, https only, room for a few keys.
      fetchJwks: (url) => fetchMetadataDocument(url, { allowHttpLoopback: false, maxBytes: 64 * 1024 }),
      limits: await getRateLimits(),
      dpopNonces: dpopNoncesFor(settings),
      paths: { login: PATHS.login, consent: PATHS.consent, error: PATHS.error },
    });
  });
}

type Endpoint =
  | 'authorize'
  | 'token'
  | 'revoke'
  | 'introspect'
  | 'metadata'
  | 'preflight'
  | 'discovery'
  | 'jwks'
  | 'userinfo'
  | 'logout'
  | 'register'
  | 'clientConfiguration'
  | 'registrationPreflight'
  | 'deviceAuthorization'
  | 'par';
const handler =
  (name: Endpoint) =>
  async (req: Request): Promise<Response> => {
    const res = await (await getOAuthServer())[name](req);
    if (res.status >= 300) await noteErrorCode(res); // the RFC error code for the log line
    return res;
  };

/**
 * The authorization endpoint acts only on a real browser navigation. Next's router fetches a
 * URL itself, with an `RSC: 1` header, and follows its redirects: the server does so right
 * after a server action's `redirect('/o/authorize?pending=…')` (sign-in, sign-up), the browser
 * on a client-side navigation or prefetch. Followed from the server, an approved request would
 * issue a code and GET the client's redirect URI from here, and a consent page would render
 * under the /o/authorize URL. A non-flight answer makes Next load the same URL as a full page
 * instead, which is where the authorization then happens.
 */
const authorizeNavigation = handler('authorize');
async function authorize(req: Request): Promise<Response> {
  if (req.headers.get('rsc') === '1') return new Response(null, { status: 204, headers: { 'Cache-Control': 'no-store' } });
  return authorizeNavigation(req);
}

/** What the route handlers export: `export const POST = oauth.token;` */
export const oauth = {
  authorize,
  token: handler('token'),
  revoke: handler('revoke'),
  introspect: handler('introspect'),
  metadata: handler('metadata'),
  preflight: handler('preflight'),
  discovery: handler('discovery'),
  jwks: handler('jwks'),
  userinfo: handler('userinfo'),
  logout: handler('logout'),
  register: handler('register'),
  clientConfiguration: handler('clientConfiguration'),
  registrationPreflight: handler('registrationPreflight'),
  deviceAuthorization: handler('deviceAuthorization'),
  par: handler('par'),
};
