/**
 * An engine over a fresh test database with a movable clock, plus factories and request
 * builders, so tests read like what a client sends and sees.
 */
import { randomUUID } from 'node:crypto';
import { createOAuthServer, EventBus, type Deps } from '@/lib/oauth';
import { createApplicationStore, createStore } from '@/lib/db/store';
import { registerApplication, type ApplicationInput } from '@/lib/applications';
import { defaultSettings, type Settings } from '@/lib/oauth/settings';
import type { SignedInUser } from '@/lib/oauth/context';
import { createTestDb } from './test-db';

export const BASE = 'https://as.example';

export async function createTestServer(overrides: Partial<Settings> = {}) {
  const handle = await createTestDb();
  const store = createStore(handle.db);
  const apps = createApplicationStore(handle.db);
  let now = new Date('2026-11-23T12:00:00Z').getTime();
  let signedIn: SignedInUser | null = null;
  const settings: Settings = { ...defaultSettings, issuer: BASE, ...overrides };
  const deps: Deps = {
    store,
    settings,
    clock: () => new Date(now),
    events: new EventBus(),
    currentUser: async () => signedIn,
    // Tests store plain "hash:<password>" to keep argon2 out of the unit of work.
    verifyPassword: async (hash, password) => hash === `hash:${password}`,
    paths: { login: '/login', consent: '/o/consent', error: '/o/error' },
  };
  const server = createOAuthServer(deps);

  const t = {
    server,
    store,
    deps,
    db: handle.db,
    settings,
    now: () => new Date(now),
    advance(seconds: number) {
      now += seconds * 1000;
    },
    signIn(userId: string | null, authTime = Math.floor(now / 1000)) {
      signedIn = userId ? { userId, authTime } : null;
    },
    async user(email = `u-${randomUUID()}@example.com`, password = 'user-password') {
      const u = await store.createUser({ email, passwordHash: `hash:${password}`, name: 'Test User' });
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
  };
  return t;
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
