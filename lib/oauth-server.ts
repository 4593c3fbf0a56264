/**
 * The seam between the framework-free engine and this app: the database store, the settings,
 * the session (for /o/authorize only) and argon2. Route handlers export these one-liners.
 */
import { createOAuthServer, EventBus, type OAuthServer } from '@/lib/oauth';
import { getStore } from '@/lib/db';
import { getSettings } from '@/lib/settings';
import { verifyPassword } from '@/lib/auth/password';

export const events = new EventBus();

const g = globalThis as unknown as { __oauthServer?: Promise<OAuthServer> };

export function getOAuthServer(): Promise<OAuthServer> {
  g.__oauthServer ??= (async () =>
    createOAuthServer({
      store: await getStore(),
      settings: getSettings(),
      clock: () => new Date(),
      events,
      // Loaded on first use: the machine endpoints never touch the session.
      currentUser: async () => {
        const { currentSignIn } = await import('@/lib/auth');
        const s = await currentSignIn();
        return s ? { userId: s.userId, authTime: s.authTime } : null;
      },
      verifyPassword,
      paths: { login: '/login', consent: '/o/consent', error: '/o/error' },
    }))();
  return g.__oauthServer;
}

type Endpoint = 'authorize' | 'token' | 'revoke' | 'introspect' | 'metadata' | 'preflight';
const handler =
  (name: Endpoint) =>
  async (req: Request): Promise<Response> =>
    (await getOAuthServer())[name](req);

/** What the route handlers export: `export const POST = oauth.token;` */
export const oauth = {
  authorize: handler('authorize'),
  token: handler('token'),
  revoke: handler('revoke'),
  introspect: handler('introspect'),
  metadata: handler('metadata'),
  preflight: handler('preflight'),
};
