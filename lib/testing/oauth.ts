/**
 * An engine over a fresh test database with a movable clock, plus factories and request
 * builders, so tests read like what a client sends and sees.
 */
import { randomUUID } from 'node:crypto';
import { createOAuthServer, EventBus, type Deps } from '@/lib/oauth';
import { createApplicationStore } from '@/lib/db/applications';
import { createStore } from '@/lib/db/engine-store';
import { registerApplication, type ApplicationInput } from '@/lib/applications/service';
import { defaultSettings, type Settings } from '@/lib/oauth/settings';
import type { SignedInUser } from '@/lib/oauth/context';
import { KeyRing } from '@/lib/oauth/oidc/keys';
import { clientSecretSealer } from '@/lib/applications/secret-sealing';
import { createIdTokenSigner } from '@/lib/oauth/oidc/id-token';
import { protectedResources } from '@/lib/resource-server/protected-resources';
import { createTestDb } from './test-db';

export const BASE = 'https://as.example';

type ClientCredentials = { clientId: string; clientSecret: string };

export async function createTestServer(overrides: Partial<Settings> & { clockOffsetSeconds?: number } = {}, extraDeps: Partial<Deps> = {}) {
  const handle = await createTestDb();
  const store = createStore(handle.db);
  const apps = createApplicationStore(handle.db);
  // Real time (whole seconds), so client libraries that check exp and iat against their own clock agree.
  let now = Math.floor(Date.now() / 1000) * 1000 + (overrides.clockOffsetSeconds ?? 0) * 1000;
  let signedIn: SignedInUser | null = null;
  const settingOverrides: Partial<Settings> = { ...overrides };
  delete (settingOverrides as { clockOffsetSeconds?: number }).clockOffsetSeconds;
  const settings: Settings = { ...defaultSettings, issuer: BASE, ...settingOverrides };
  const clock = () => new Date(now);
  const keys = new KeyRing(store, clock, 0);
  let signedOut = 0;
  const deps: Deps = {
    store,
    settings,
    clock,
    events: new EventBus(),
    keys,
    idTokens: createIdTokenSigner({ store, settings, clock, keys, extraClaims: extraDeps.extraClaims }),
    signOut: async () => {
      signedIn = null;
      signedOut++;
    },
    currentUser: async () => signedIn,
    // Tests store plain "hash:<password>" to keep argon2 out of the unit of work.
    verifyPassword: async (hash, password) => hash === `hash:${password}`,
    paths: { login: '/login', consent: '/o/consent', error: '/o/error' },
    protectedResources,
    clientSecretSealer: clientSecretSealer(),
    ...extraDeps,
  };
  const server = createOAuthServer(deps);

  const t = {
    server,
    store,
    deps,
    db: handle.db,
    /** The database handle itself (a pg-boss queue needs the driver kind). */
    handle,
    settings,
    now: () => new Date(now),
    keys,
    signedOutCount: () => signedOut,
    advance(seconds: number) {
      now += seconds * 1000;
    },
    signIn(userId: string | null, authTime = Math.floor(now / 1000), emailVerified?: boolean, sessionId?: string) {
      signedIn = userId ? { userId, authTime, ...(emailVerified === undefined ? {} : { emailVerified }), ...(sessionId ? { sessionId } : {}) } : null;
    },
    async user(email = `u-${randomUUID()}@example.com`, password = 'user-password') {
      const u = await store.createUser({ email, passwordHash: `hash:${password}`, name: 'Test User', emailVerified: true });
      return { ...u!, password };
    },
    async application(input: Partial<ApplicationInput> = {}) {
      const { application, clientSecret } = await registerApplication(
        apps,
        {
          name: 'Test app',
          clientType: 'confidential',
          grantTypes: ['authorization_code', 'client_credentials', 'password'],
          redirectUris: ['https://client.example/cb'],
          ownerId: null,
          // OpenID Connect on unless a test says otherwise: algorithm '' means OAuth 2.0 only (lib/oauth/oidc/enabled.ts).
          algorithm: 'RS256',
          ...input,
        },
        settings,
      );
      return { ...application, clientSecret: clientSecret ?? '' };
    },
    /** Runs /o/authorize for a signed-in user with skip_authorization-like directness: returns the code. */
    async authorizeCode(app: { clientId: string }, userId: string, extra: Record<string, string> = {}) {
      t.signIn(userId);
      const res = await server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId, ...extra }));
      const location = res.headers.get('location') ?? '';
      if (location.startsWith('/o/consent')) {
        const id = new URL(location, BASE).searchParams.get('request')!;
        const to = await server.decideAuthorization(id, { userId, authTime: Math.floor(now / 1000) }, { allow: true });
        return new URL(to!).searchParams.get('code')!;
      }
      return new URL(location).searchParams.get('code')!;
    },
    /** RFC 6749 §4.3 for `user` at `app` (registered for the password grant): its tokens. */
    async passwordGrant(app: ClientCredentials, user: { email: string; password: string }) {
      const res = await server.token(form('/o/token', { grant_type: 'password', username: user.email, password: user.password, scope: 'read' }, basic(app.clientId, app.clientSecret)));
      if (res.status !== 200) throw new Error(`password grant: ${res.status} ${JSON.stringify(await body(res))}`);
      return (await body(res)) as { access_token: string; refresh_token: string };
    },
    /** RFC 6749 §6: the token endpoint's response to a refresh. */
    refresh: (app: ClientCredentials, refreshToken: string) =>
      server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: refreshToken }, basic(app.clientId, app.clientSecret))),
    /** RFC 7662: the introspection response's body. */
    introspect: async (app: ClientCredentials, token: string) => body(await server.introspect(form('/o/introspect', { token }, basic(app.clientId, app.clientSecret)))),
  };
  return t;
}

/** Routes fetch() calls for BASE to the engine, so real client libraries can talk to it in-process. */
export function engineFetch(server: ReturnType<typeof createOAuthServer>) {
  const routes: Record<string, (req: Request) => Promise<Response>> = {
    '/.well-known/oauth-authorization-server': server.metadata,
    '/.well-known/openid-configuration': server.discovery,
    '/o/.well-known/openid-configuration': server.discovery,
    '/o/.well-known/jwks.json': server.jwks,
    '/o/token': server.token,
    '/o/introspect': server.introspect,
    '/o/revoke_token': server.revoke,
    '/o/userinfo': server.userinfo,
    '/o/authorize': server.authorize,
    '/o/logout': server.logout,
    '/o/register': server.register,
    '/o/par': server.par,
    '/o/device_authorization': server.deviceAuthorization,
  };
  return async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const req = input instanceof Request ? input : new Request(input, init);
    const path = new URL(req.url).pathname;
    const handler = routes[path] ?? (path.startsWith('/o/register/') ? server.clientConfiguration : undefined);
    if (!handler) return new Response('not found', { status: 404 });
    return handler(req);
  };
}

export function basic(clientId: string, secret: string): Record<string, string> {
  const enc = (s: string) => encodeURIComponent(s);
  return { Authorization: `Basic ${Buffer.from(`${enc(clientId)}:${enc(secret)}`).toString('base64')}` };
}

export function form(path: string, params: Record<string, string>, headers: Record<string, string> = {}): Request {
  return new Request(BASE + path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(params).toString(),
  });
}

export function jsonPost(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(BASE + path, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

export function get(path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}): Request {
  const url = new URL(BASE + path);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return new Request(url, { headers });
}

export async function body(res: Response): Promise<Record<string, unknown>> {
  return (await res.json()) as Record<string, unknown>;
}
