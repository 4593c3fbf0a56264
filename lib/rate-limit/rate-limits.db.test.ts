/**
 * Rate limits as a client sees them (RFC 6585 §4: 429 Too Many Requests with Retry-After), each
 * limit set tiny through the same settings parser the server uses. On PGlite the counters are in
 * memory; with TEST_DATABASE_URL they are RateLimiterPostgres rows through the postgres.js adapter.
 */
import { randomBytes } from 'node:crypto';
import postgres, { type Sql } from 'postgres';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDashboardStore } from '@/lib/db/dashboard';
import { openPostgres } from '@/lib/db/postgres';
import { createOAuthServer, EventBus } from '@/lib/oauth';
import { basic, body, createTestServer, form, get } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { passwordSignIn } from '@/lib/auth/password-sign-in';
import { createRateLimits, type Backend } from './limiter';
import { pgStyleClient } from './postgres-client';
import { parseRateLimitSettings } from './settings';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
let owner: Awaited<ReturnType<T['user']>>;

beforeAll(async () => {
  t = await createTestServer();
  owner = await t.user();
});

// Counters outlive a test on PostgreSQL (one database per file): every test uses its own addresses and applications.
let ipCounter = 0;
const freshIp = () => `198.51.${Math.floor(++ipCounter / 250)}.${(ipCounter % 250) + 1}`;

function backend(): Backend {
  if (testDatabaseKind === 'pglite') return { kind: 'memory' };
  return { kind: 'postgres', client: pgStyleClient((t.db as unknown as { $client: Sql }).$client) };
}

/** Rate limits with these OAUTH2_RATE_LIMIT_* values over the test database's backend. */
function limitsFor(env: Record<string, string>) {
  return createRateLimits(parseRateLimitSettings(env), backend(), {
    onError: (e) => {
      throw e; // a broken counter must fail the test, not pass it open
    },
  });
}

/** The engine over the test database with these OAUTH2_RATE_LIMIT_* values; records rate_limited events. */
function limited(env: Record<string, string>, settings: Partial<T['deps']['settings']> = {}, deps: Partial<T['deps']> = {}) {
  const limits = limitsFor(env);
  const events = new EventBus();
  const refused: string[] = [];
  events.on('rate_limited', ({ limit }) => void refused.push(limit));
  return { server: createOAuthServer({ ...t.deps, settings: { ...t.deps.settings, ...settings }, events, limits, ...deps }), refused };
}

/**
 * A password check that takes a few milliseconds, as argon2 does, and counts how many guesses
 * reached it: the test's stand-in for the real hash (which is the cost the limit protects).
 */
function slowCountingVerify() {
  let calls = 0;
  return {
    calls: () => calls,
    verifyPassword: async (hash: string | null, password: string) => {
      calls++;
      await new Promise((r) => setTimeout(r, 5));
      return hash === `hash:${password}`;
    },
  };
}

const from = (ip: string, headers: Record<string, string> = {}) => ({ 'X-Forwarded-For': ip, ...headers });

async function expect429(res: Response, retryAtMost: number) {
  expect(res.status).toBe(429);
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(retryAtMost);
  expect(res.headers.get('cache-control')).toBe('no-store');
  const b = await body(res);
  expect(b).toEqual({ error: 'temporarily_unavailable', error_description: `too many requests; retry after ${retryAfter} seconds` });
}

describe('RFC 6585 §4 token endpoint per client (OAUTH2_RATE_LIMIT_TOKEN_CLIENT)', () => {
  it('answers 429 with Retry-After and an RFC 6749 error body once the client is over', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_TOKEN_CLIENT: '2/60' });
    const app = await t.application({ grantTypes: ['client_credentials'], allowedOrigins: ['https://spa.example'] });
    const ip = freshIp();
    const req = () => form('/o/token', { grant_type: 'client_credentials' }, from(ip, { ...basic(app.clientId, app.clientSecret), Origin: 'https://spa.example' }));
    expect((await server.token(req())).status).toBe(200);
    expect((await server.token(req())).status).toBe(200);
    const res = await server.token(req());
    await expect429(res, 60);
    // A browser client reads the refusal too: CORS headers as on any other error.
    expect(res.headers.get('access-control-allow-origin')).toBe('https://spa.example');
    expect(refused).toEqual(['token_client']);
    // Per client: another application from the same address is not affected.
    const other = await t.application({ grantTypes: ['client_credentials'] });
    expect((await server.token(form('/o/token', { grant_type: 'client_credentials' }, from(ip, basic(other.clientId, other.clientSecret))))).status).toBe(200);
  });

  it("an application's own rate_limit raises the limit, and 0 lifts it", async () => {
    const { server } = limited({ OAUTH2_RATE_LIMIT_TOKEN_CLIENT: '2/60' });
    const app = await t.application({ grantTypes: ['client_credentials'], ownerId: owner.id });
    const dashboard = createDashboardStore(t.db);
    const setLimit = async (rateLimit: number | null) => {
      const current = (await dashboard.findApplicationForOwner(app.id, owner.id))!;
      expect(await dashboard.updateApplicationForOwner(app.id, owner.id, { ...current, rateLimit })).toBe(true);
    };
    const ask = () => server.token(form('/o/token', { grant_type: 'client_credentials' }, from(freshIp(), basic(app.clientId, app.clientSecret))));

    await setLimit(4); // raised: 4 per minute instead of the setting's 2
    for (let i = 0; i < 4; i++) expect((await ask()).status).toBe(200);
    await expect429(await ask(), 60);

    await setLimit(0); // lifted
    for (let i = 0; i < 5; i++) expect((await ask()).status).toBe(200);

    await setLimit(null); // back to the setting, 2 per minute (a changed limit counts afresh)
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    await expect429(await ask(), 60);
  });
});

describe('RFC 6585 §4 a public client (client_id alone) is counted per address', () => {
  it('a stranger sending its client_id cannot spend its token or revocation budget for everyone', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_TOKEN_CLIENT: '2/60', OAUTH2_RATE_LIMIT_REVOKE_CLIENT: '2/60' });
    const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
    const stranger = freshIp();
    const tokenFrom = (ip: string) => server.token(form('/o/token', { grant_type: 'refresh_token', refresh_token: 'x', client_id: app.clientId }, from(ip)));
    const revokeFrom = (ip: string) => server.revoke(form('/o/revoke_token', { token: 'x', client_id: app.clientId }, from(ip)));
    for (let i = 0; i < 2; i++) {
      expect((await tokenFrom(stranger)).status).toBe(400); // counted: invalid_grant
      expect((await revokeFrom(stranger)).status).toBe(200);
    }
    await expect429(await tokenFrom(stranger), 60);
    await expect429(await revokeFrom(stranger), 60);
    expect(refused).toEqual(['token_client', 'revoke_client']);
    // The app's users elsewhere are not affected.
    const user = freshIp();
    expect((await tokenFrom(user)).status).toBe(400);
    expect((await revokeFrom(user)).status).toBe(200);
  });
});

describe('RFC 6585 §4 token endpoint per IP (OAUTH2_RATE_LIMIT_TOKEN_IP) behind trusted proxies', () => {
  it('counts one address across clients, and a forged X-Forwarded-For cannot dodge it', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_TOKEN_IP: '2/60', OAUTH2_TRUSTED_PROXIES: '1' });
    const a = await t.application({ grantTypes: ['client_credentials'] });
    const b = await t.application({ grantTypes: ['client_credentials'] });
    const client = freshIp();
    // The client sends whatever it likes on the left; the proxy appends the client, server.mjs the proxy.
    const via = (forged: string) => `${forged}, ${client}, 10.0.0.1`;
    const ask = (app: typeof a, forged: string) =>
      server.token(form('/o/token', { grant_type: 'client_credentials' }, from(via(forged), basic(app.clientId, app.clientSecret))));
    expect((await ask(a, '1.1.1.1')).status).toBe(200);
    expect((await ask(b, '2.2.2.2')).status).toBe(200);
    await expect429(await ask(a, '3.3.3.3'), 60);
    expect(refused).toEqual(['token_ip']);
    // Another address behind the same proxy has its own counter.
    const res = await server.token(form('/o/token', { grant_type: 'client_credentials' }, from(`${freshIp()}, 10.0.0.1`, basic(a.clientId, a.clientSecret))));
    expect(res.status).toBe(200);
  });

  it('refuses an address over its limit before telling it whether its credentials were right', async () => {
    const { server } = limited({ OAUTH2_RATE_LIMIT_TOKEN_IP: '1/60' });
    const app = await t.application({ grantTypes: ['client_credentials'] });
    const ip = freshIp();
    expect((await server.token(form('/o/token', { grant_type: 'client_credentials' }, from(ip, basic(app.clientId, app.clientSecret))))).status).toBe(200);
    await expect429(await server.token(form('/o/token', { grant_type: 'client_credentials' }, from(ip, basic(app.clientId, 'wrong')))), 60);
  });
});

describe('RFC 6749 §2.3 failed client authentication (OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES, _IP)', () => {
  it('an attacker hammering a client with wrong secrets locks only its own address: the client keeps working from its servers', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES: '3/300', OAUTH2_TRUSTED_PROXIES: '1' });
    const app = await t.application({ grantTypes: ['client_credentials'] });
    const attacker = freshIp();
    const own = freshIp();
    // Behind one trusted proxy: the address is the one the proxy appended.
    const via = (ip: string) => `${ip}, 10.0.0.1`;
    const tokenFrom = (ip: string, secret: string) => server.token(form('/o/token', { grant_type: 'client_credentials' }, from(via(ip), basic(app.clientId, secret))));
    for (let i = 0; i < 10; i++) {
      const res = await tokenFrom(attacker, 'guess-' + i);
      expect([401, 429]).toContain(res.status);
    }
    // The client's own servers are not affected, at any endpoint that authenticates clients.
    expect((await tokenFrom(own, app.clientSecret)).status).toBe(200);
    expect((await server.introspect(form('/o/introspect', { token: 'x' }, from(via(own), basic(app.clientId, app.clientSecret))))).status).toBe(200);
    expect((await server.revoke(form('/o/revoke_token', { token: 'x' }, from(via(own), basic(app.clientId, app.clientSecret))))).status).toBe(200);
    // The attacker's address is locked for this client, even with the right secret.
    await expect429(await tokenFrom(attacker, app.clientSecret), 300);
    expect((await server.introspect(form('/o/introspect', { token: 'x' }, from(via(attacker), basic(app.clientId, app.clientSecret))))).status).toBe(429);
    expect(refused).toContain('client_auth_failures');
    expect(refused.every((l) => l === 'client_auth_failures')).toBe(true);
  });

  it('locks a client_id from one address after too many failures: even the right secret from there gets 429', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES: '3/300' });
    const app = await t.application({ grantTypes: ['client_credentials'] });
    const ip = freshIp();
    const ask = (secret: string) => server.token(form('/o/token', { grant_type: 'client_credentials' }, from(ip, basic(app.clientId, secret))));
    for (let i = 0; i < 3; i++) {
      const res = await ask('guess-' + i);
      expect(res.status).toBe(401);
      expect((await body(res)).error).toBe('invalid_client');
    }
    await expect429(await ask(app.clientSecret), 300);
    expect(refused).toEqual(['client_auth_failures']);
    // The lock covers every endpoint that authenticates clients.
    expect((await server.introspect(form('/o/introspect', { token: 'x' }, from(ip, basic(app.clientId, app.clientSecret))))).status).toBe(429);
    expect((await server.revoke(form('/o/revoke_token', { token: 'x' }, from(ip, basic(app.clientId, app.clientSecret))))).status).toBe(429);
  });

  it('never counts failures against a client without a secret: a public client_id cannot be locked, only the address counts', async () => {
    const { server } = limited({ OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES: '2/300', OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES_IP: '100/300' });
    const app = await t.application({ clientType: 'public', grantTypes: ['authorization_code'] });
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      // A public client has no secret to guess: every such request fails, none locks the client.
      const res = await server.revoke(form('/o/revoke_token', { token: 'x', client_id: app.clientId, client_secret: 'guess' }, from(ip)));
      expect(res.status).toBe(401);
    }
    expect((await server.revoke(form('/o/revoke_token', { token: 'x', client_id: app.clientId }, from(ip)))).status).toBe(200);
  });

  it('locks an address that fails against many client_ids (OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES_IP)', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES_IP: '3/300' });
    const ip = freshIp();
    for (let i = 0; i < 3; i++) {
      const res = await server.introspect(form('/o/introspect', { token: 'x' }, from(ip, basic(`no-such-client-${randomBytes(4).toString('hex')}`, 's'))));
      expect(res.status).toBe(401);
    }
    const app = await t.application({ grantTypes: ['client_credentials'] });
    await expect429(await server.token(form('/o/token', { grant_type: 'client_credentials' }, from(ip, basic(app.clientId, app.clientSecret)))), 300);
    expect(refused).toEqual(['client_auth_failures_ip']);
    // The client itself is not locked: from another address it works.
    expect((await server.token(form('/o/token', { grant_type: 'client_credentials' }, from(freshIp(), basic(app.clientId, app.clientSecret))))).status).toBe(200);
  });

  it('lets the address in again once the window has passed', async () => {
    const { server } = limited({ OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES: '1/1' });
    const app = await t.application({ grantTypes: ['client_credentials'] });
    const ip = freshIp();
    const ask = (secret: string) => server.token(form('/o/token', { grant_type: 'client_credentials' }, from(ip, basic(app.clientId, secret))));
    expect((await ask('wrong')).status).toBe(401);
    await expect429(await ask(app.clientSecret), 1);
    await new Promise((r) => setTimeout(r, 1100));
    expect((await ask(app.clientSecret)).status).toBe(200);
  });
});

describe('RFC 6585 §4 introspection and revocation per client', () => {
  it('RFC 7662: 429 once the client is over OAUTH2_RATE_LIMIT_INTROSPECT_CLIENT', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_INTROSPECT_CLIENT: '2/60' });
    const app = await t.application({ grantTypes: ['client_credentials'] });
    const ask = () => server.introspect(form('/o/introspect', { token: 'x' }, from(freshIp(), basic(app.clientId, app.clientSecret))));
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    await expect429(await ask(), 60);
    expect(refused).toEqual(['introspect_client']);
  });

  it("RFC 7662: the application's rate_limit applies to introspection too", async () => {
    const { server } = limited({ OAUTH2_RATE_LIMIT_INTROSPECT_CLIENT: '1/60' });
    const app = await t.application({ grantTypes: ['client_credentials'], ownerId: owner.id });
    const dashboard = createDashboardStore(t.db);
    const current = (await dashboard.findApplicationForOwner(app.id, owner.id))!;
    await dashboard.updateApplicationForOwner(app.id, owner.id, { ...current, rateLimit: 0 });
    for (let i = 0; i < 3; i++) {
      expect((await server.introspect(form('/o/introspect', { token: 'x' }, from(freshIp(), basic(app.clientId, app.clientSecret))))).status).toBe(200);
    }
  });

  it('RFC 7009: 429 once the client is over OAUTH2_RATE_LIMIT_REVOKE_CLIENT', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_REVOKE_CLIENT: '2/60' });
    const app = await t.application({ grantTypes: ['client_credentials'] });
    const ask = () => server.revoke(form('/o/revoke_token', { token: 'x' }, from(freshIp(), basic(app.clientId, app.clientSecret))));
    expect((await ask()).status).toBe(200);
    expect((await ask()).status).toBe(200);
    await expect429(await ask(), 60);
    expect(refused).toEqual(['revoke_client']);
  });
});

describe('RFC 6749 §4.3 password grant: failed sign-ins per account (OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT)', () => {
  it('locks the account after too many wrong passwords, even for the right one', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT: '2/900' });
    const app = await t.application({ grantTypes: ['password'] });
    const user = await t.user();
    const ask = (password: string) =>
      server.token(form('/o/token', { grant_type: 'password', username: user.email, password }, from(freshIp(), basic(app.clientId, app.clientSecret))));
    for (const guess of ['nope', 'nope2']) {
      const res = await ask(guess);
      expect(res.status).toBe(400);
      expect((await body(res)).error).toBe('invalid_grant');
    }
    await expect429(await ask(user.password), 900);
    expect(refused).toEqual(['signin_account']);
  });

  it('lets at most the limit of 50 simultaneous wrong guesses reach the password check; the rest are 429', async () => {
    const verify = slowCountingVerify();
    const { server } = limited({ OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT: '10/900' }, {}, { verifyPassword: verify.verifyPassword });
    const app = await t.application({ grantTypes: ['password'] });
    const user = await t.user();
    const guess = (i: number) =>
      server.token(form('/o/token', { grant_type: 'password', username: user.email, password: `guess-${i}` }, from(freshIp(), basic(app.clientId, app.clientSecret))));
    const answers = await Promise.all(Array.from({ length: 50 }, (_, i) => guess(i)));
    const statuses = answers.map((r) => r.status);
    expect(statuses.filter((s) => s === 400)).toHaveLength(10);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    for (const r of answers.filter((a) => a.status === 400)) expect((await body(r)).error).toBe('invalid_grant');
    expect(verify.calls()).toBe(10);
  });

  it('gives the slot back when the password is right, so signing in does not count towards the lock', async () => {
    const { server } = limited({ OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT: '2/900' });
    const app = await t.application({ grantTypes: ['password'] });
    const user = await t.user();
    const ask = (password: string) =>
      server.token(form('/o/token', { grant_type: 'password', username: user.email, password }, from(freshIp(), basic(app.clientId, app.clientSecret))));
    for (let i = 0; i < 5; i++) expect((await ask(user.password)).status).toBe(200);
    expect((await ask('nope')).status).toBe(400);
    expect((await ask(user.password)).status).toBe(200);
  });
});

describe('sign-in page: failed sign-ins per account (OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT)', () => {
  it('lets at most the limit of 50 simultaneous wrong guesses reach the password check; the rest are refused', async () => {
    const verify = slowCountingVerify();
    const limits = limitsFor({ OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT: '10/900', OAUTH2_RATE_LIMIT_SIGNIN_IP: 'off' });
    const user = await t.user();
    const deps = { store: t.store, limits, verifyPassword: verify.verifyPassword };
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => passwordSignIn(deps, freshIp(), user.email, `guess-${i}`)));
    expect(results.filter((r) => r.outcome === 'wrong_credentials')).toHaveLength(10);
    const refusals = results.filter((r) => r.outcome === 'rate_limited');
    expect(refusals).toHaveLength(40);
    expect(refusals.every((r) => r.outcome === 'rate_limited' && r.limit === 'signin_account' && r.retryAfter >= 1)).toBe(true);
    expect(verify.calls()).toBe(10);
    // Locked now, even for the right password.
    expect((await passwordSignIn(deps, freshIp(), user.email, user.password)).outcome).toBe('rate_limited');
  });

  it('signs in with the right password and gives the slot back', async () => {
    const limits = limitsFor({ OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT: '2/900', OAUTH2_RATE_LIMIT_SIGNIN_IP: 'off' });
    const user = await t.user();
    const deps = { store: t.store, limits, verifyPassword: t.deps.verifyPassword };
    for (let i = 0; i < 5; i++) expect((await passwordSignIn(deps, freshIp(), user.email, user.password)).outcome).toBe('signed_in');
    expect((await passwordSignIn(deps, freshIp(), user.email, 'nope')).outcome).toBe('wrong_credentials');
    const ok = await passwordSignIn(deps, freshIp(), user.email.toUpperCase(), user.password);
    expect(ok.outcome === 'signed_in' && ok.user.id).toBe(user.id);
  });
});

describe('RFC 6749 §3.1 authorization endpoint per IP (OAUTH2_RATE_LIMIT_AUTHORIZE_IP)', () => {
  it('shows a 429 page with Retry-After to a browser over the limit', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_AUTHORIZE_IP: '2/60' });
    const app = await t.application();
    const ip = freshIp();
    const ask = () => server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.clientId }, from(ip)));
    expect((await ask()).status).toBe(302);
    expect((await ask()).status).toBe(302);
    const res = await ask();
    expect(res.status).toBe(429);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toMatch(/Too many requests[\s\S]*Try again in \d+ seconds/);
    expect(refused).toEqual(['authorize_ip']);
  });
});

describe('RFC 7591 §3 dynamic registration per IP (OAUTH2_RATE_LIMIT_REGISTER_IP)', () => {
  it('answers 429 with Retry-After once an address has registered its share of clients', async () => {
    const { server, refused } = limited({ OAUTH2_RATE_LIMIT_REGISTER_IP: '2/3600' }, { clients: { ...t.deps.settings.clients, dynamicRegistration: 'public' } });
    const ip = freshIp();
    const registerFrom = (address: string) =>
      server.register(
        new Request('http://localhost:3000/o/register', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', ...from(address) },
          body: JSON.stringify({ client_name: 'Agent', redirect_uris: ['http://127.0.0.1:33418/callback'], token_endpoint_auth_method: 'none' }),
        }),
      );
    expect((await registerFrom(ip)).status).toBe(201);
    expect((await registerFrom(ip)).status).toBe(201);
    await expect429(await registerFrom(ip), 3600);
    expect(refused).toEqual(['register_ip']);
    expect((await registerFrom(freshIp())).status).toBe(201);
  });
});

describe('OAUTH2_RATE_LIMITS=off', () => {
  it('builds no limiter, so nothing is counted or refused', () => {
    expect(createRateLimits(parseRateLimitSettings({ OAUTH2_RATE_LIMITS: 'off' }), { kind: 'memory' })).toBeUndefined();
  });
});

describe('leases: large limits taken from the shared counter in batches', () => {
  it('admit exactly the limit, however many requests arrive at once', async () => {
    const limits = createRateLimits(parseRateLimitSettings({ OAUTH2_RATE_LIMIT_TOKEN_CLIENT: '210/60' }), backend(), {
      lease: true,
      onError: (e) => {
        throw e;
      },
    })!;
    const key = `lease-${randomBytes(4).toString('hex')}`;
    const results = await Promise.all(Array.from({ length: 300 }, () => limits.consume('token_client', key)));
    expect(results.filter((r) => r === null)).toHaveLength(210); // 52 batches of 4, then the 2 that still fit
    expect(results.filter((r) => r !== null).every((r) => r! >= 1 && r! <= 60)).toBe(true);
    expect(await limits.consume('token_client', key)).not.toBeNull();
  });
});

describe.skipIf(testDatabaseKind !== 'postgres')('RateLimiterPostgres on the rate_limits table', () => {
  it('shares one counter between two instances with their own connection pools', async () => {
    const url = process.env.TEST_DATABASE_URL!;
    const name = `test_rl_${randomBytes(6).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const migrated = openPostgres(u.toString(), { max: 1 });
    const one = postgres(u.toString(), { max: 2, onnotice: () => {} });
    const two = postgres(u.toString(), { max: 2, onnotice: () => {} });
    try {
      await migrated.migrate();
      const settings = parseRateLimitSettings({ OAUTH2_RATE_LIMIT_TOKEN_CLIENT: '3/60' });
      const fail = (e: unknown) => {
        throw e;
      };
      const a = createRateLimits(settings, { kind: 'postgres', client: pgStyleClient(one) }, { onError: fail })!;
      const b = createRateLimits(settings, { kind: 'postgres', client: pgStyleClient(two) }, { onError: fail })!;
      expect(await a.consume('token_client', 'app-1')).toBeNull();
      expect(await b.consume('token_client', 'app-1')).toBeNull();
      expect(await a.consume('token_client', 'app-1')).toBeNull();
      const retryAfter = await b.consume('token_client', 'app-1'); // the 4th, on the instance that has seen only two
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
      // The row RLF wrote, in our table's columns.
      const rows = await one`select key, points, expire from rate_limits`;
      expect(rows).toHaveLength(1);
      expect(rows[0]!.key).toBe('token_client/3/60:app-1');
      expect(rows[0]!.points).toBe(4);
      expect(Number(rows[0]!.expire)).toBeGreaterThan(Date.now());
      // Leases on two instances: together they admit exactly the limit, never more.
      const leased = parseRateLimitSettings({ OAUTH2_RATE_LIMIT_TOKEN_CLIENT: '210/60' });
      const e = createRateLimits(leased, { kind: 'postgres', client: pgStyleClient(one) }, { onError: fail })!;
      const f = createRateLimits(leased, { kind: 'postgres', client: pgStyleClient(two) }, { onError: fail })!;
      let admitted = 0;
      for (let i = 0; i < 150; i++) {
        const [x, y] = await Promise.all([e.consume('token_client', 'app-2'), f.consume('token_client', 'app-2')]);
        admitted += Number(x === null) + Number(y === null);
      }
      expect(admitted).toBe(210);
      const [leaseRow] = await one`select points from rate_limits where key = 'token_client/210/60:app-2'`;
      expect(leaseRow!.points).toBeGreaterThanOrEqual(210);

      // A failure lock written by one instance is seen by the other.
      const lockSettings = parseRateLimitSettings({ OAUTH2_RATE_LIMIT_CLIENT_AUTH_FAILURES: '2/300' });
      const c = createRateLimits(lockSettings, { kind: 'postgres', client: pgStyleClient(one) }, { onError: fail })!;
      const d = createRateLimits(lockSettings, { kind: 'postgres', client: pgStyleClient(two) }, { onError: fail })!;
      await c.fail('client_auth_failures', 'client:x');
      expect(await d.locked('client_auth_failures', 'client:x')).toBeNull();
      await c.fail('client_auth_failures', 'client:x');
      expect(await d.locked('client_auth_failures', 'client:x')).toBeGreaterThan(290);

      // A key read at zero failures is trusted for a second, then read again.
      expect(await d.locked('client_auth_failures', 'client:y')).toBeNull();
      await c.fail('client_auth_failures', 'client:y');
      await c.fail('client_auth_failures', 'client:y');
      expect(await c.locked('client_auth_failures', 'client:y')).toBeGreaterThan(290); // the instance that counted knows at once
      expect(await d.locked('client_auth_failures', 'client:y')).toBeNull(); // the other, within a second
      await new Promise((r) => setTimeout(r, 1100));
      expect(await d.locked('client_auth_failures', 'client:y')).toBeGreaterThan(290);
      // An instance's own failure forgets its "clear" at once.
      expect(await d.locked('client_auth_failures', 'client:z')).toBeNull();
      await c.fail('client_auth_failures', 'client:z');
      await d.fail('client_auth_failures', 'client:z');
      expect(await d.locked('client_auth_failures', 'client:z')).toBeGreaterThan(290);
    } finally {
      await Promise.all([one.end(), two.end(), migrated.close()]);
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });
});
