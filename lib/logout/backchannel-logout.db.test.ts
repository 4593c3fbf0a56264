/**
 * OpenID Connect Back-Channel Logout 1.0 and logout that ends tokens, as an application sees
 * them: sid in the ID token; after the browser session ends, a logout token POSTed to a real
 * local HTTP listener (verified with jose against the JWKS), retried when the application fails;
 * the session's tokens inactive, except grants with offline_access. On PGlite and PostgreSQL.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify, type JSONWebKeySet } from 'jose';
import { flushAudit, setAuditDatabase } from '@/lib/audit';
import { listAuditEvents } from '@/lib/db/audit';
import { createSessionStore } from '@/lib/db/sessions';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { defaultSettings } from '@/lib/oauth/settings';
import { BACKCHANNEL_LOGOUT_EVENT } from '@/lib/oauth/oidc/logout-token';
import { basic, BASE, body, createTestServer, form, get, jsonPost } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';
import { createBackchannelDelivery } from './deliver';
import { afterSessionsEnded } from './index';
import { createLogoutQueue, PermanentFailure, type LogoutQueue } from './queue';
import { sql } from 'drizzle-orm';

const t = await createTestServer({
  scopes: { ...defaultSettings.scopes, offline_access: 'Keep access while you are signed out' },
  clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public' },
});
const sessions = createSessionStore(t.db);
setAuditDatabase(t.db);

/** A relying party's back-channel endpoint: records what it receives, answers `status()`. */
interface Listener {
  url: string;
  received: { token: string; contentType: string | undefined }[];
  answer: number[];
  close(): Promise<void>;
  next(count?: number, timeoutMs?: number): Promise<string[]>;
}

async function listen(): Promise<Listener> {
  const received: Listener['received'] = [];
  const answer: number[] = [];
  const server = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      // §2.5: the token comes as a form parameter; anything else is refused (and would never arrive).
      const status = req.headers['content-type'] !== 'application/x-www-form-urlencoded' ? 415 : (answer.shift() ?? 200);
      if (status === 200) received.push({ token: new URLSearchParams(raw).get('logout_token') ?? '', contentType: req.headers['content-type'] });
      res.writeHead(status, { 'Cache-Control': 'no-store' }).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/backchannel-logout`,
    received,
    answer,
    close: () => new Promise((r) => server.close(() => r())),
    async next(count = 1, timeoutMs = 25_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${count} logout token(s), got ${received.length}`);
        await new Promise((r) => setTimeout(r, 100));
      }
      return received.splice(0, count).map((r) => r.token);
    },
  };
}

const rp = await listen();
const errors: string[] = [];
let queue: LogoutQueue;

beforeAll(async () => {
  queue = createLogoutQueue({
    handle: t.handle,
    deliver: createBackchannelDelivery({ db: t.db, keys: t.keys, logError: (l) => errors.push(l) }),
    retryLimit: 3,
    retryDelaySeconds: 1,
    pollingIntervalSeconds: 0.5,
    logError: (l) => errors.push(l),
  });
  await queue.work();
});

afterAll(async () => {
  await queue.stop();
  await rp.close();
  await flushAudit();
  setAuditDatabase(null);
});

const app = await t.application({ name: 'Relying party', skipAuthorization: true, backchannelLogoutUri: rp.url, backchannelLogoutSessionRequired: true });
const quiet = await t.application({ name: 'No back-channel', skipAuthorization: true });

const digestOf = new Map<string, string>();

/** A browser session (a user_sessions row) signed in as a new user. */
async function browserSession() {
  const user = await t.user();
  const { id } = await sessions.createSession({ userId: user.id, sessionDigest: `digest-${user.id}`, ip: null, userAgent: null, authMethods: ['pwd'], createdAt: t.now(), expiresAt: new Date(t.now().getTime() + 3_600_000) });
  t.signIn(user.id, Math.floor(t.now().getTime() / 1000), true, id);
  digestOf.set(id, `digest-${user.id}`);
  return { user, sessionId: id };
}

/** The code flow in that browser: the tokens the application gets. */
async function signInTo(client: { clientId: string; clientSecret: string }, scope = 'openid read') {
  const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: client.clientId, redirect_uri: 'https://client.example/cb', scope }));
  const code = new URL(res.headers.get('location')!).searchParams.get('code')!;
  const tokens = await t.server.token(form('/o/token', { grant_type: 'authorization_code', code, redirect_uri: 'https://client.example/cb' }, basic(client.clientId, client.clientSecret)));
  expect(tokens.status).toBe(200);
  return (await body(tokens)) as { access_token: string; refresh_token: string; id_token: string };
}

/** What a sign-out does once the session's row has ended (lib/logout, with this test's queue). */
async function signOut(sessionId: string, revokesTokens = true) {
  const ended = await sessions.endSessionByDigest(digestOf.get(sessionId)!, t.now());
  expect(ended).toEqual([sessionId]);
  return afterSessionsEnded({ db: t.db, queue, revokesTokens, events: t.deps.events, issuer: BASE, now: t.now(), source: 'user' }, [sessionId]);
}

async function jwks() {
  return createLocalJWKSet((await body(await t.server.jwks(get('/o/.well-known/jwks.json')))) as unknown as JSONWebKeySet);
}

describe(`OpenID Connect Back-Channel Logout 1.0 on ${testDatabaseKind}`, () => {
  it('§2.1 / §2.4: the ID token carries sid; after sign-out the application receives a logout token naming the same sid and sub', async () => {
    const { user, sessionId } = await browserSession();
    const tokens = await signInTo(app);
    const { payload: idToken } = await jwtVerify(tokens.id_token, await jwks(), { issuer: BASE, audience: app.clientId });
    expect(idToken.sid).toBe(sessionId);

    const started = Date.now();
    const result = await signOut(sessionId);
    // Queued, not delivered, before the sign-out returns.
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result.logoutsQueued).toBe(1);

    const [token] = await rp.next();
    expect(decodeProtectedHeader(token!)).toMatchObject({ typ: 'logout+jwt', alg: 'RS256' });
    const { payload } = await jwtVerify(token!, await jwks(), { issuer: BASE, audience: app.clientId, typ: 'logout+jwt' });
    expect(payload).toMatchObject({ iss: BASE, aud: app.clientId, sub: user.id, sid: sessionId, events: { [BACKCHANNEL_LOGOUT_EVENT]: {} } });
    expect(typeof payload.jti).toBe('string');
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(120);
    // §2.4: a logout token never has a nonce (that is how it differs from an ID token).
    expect(payload.nonce).toBeUndefined();
  });

  it('§2.5: POSTed as application/x-www-form-urlencoded, only to applications the session signed into that have a URI', async () => {
    await browserSession();
    const { sessionId } = await browserSession();
    await signInTo(quiet);
    const result = await signOut(sessionId);
    expect(result.logoutsQueued).toBe(0);
    const { sessionId: other } = await browserSession();
    await signInTo(app);
    await signInTo(quiet);
    expect((await signOut(other)).logoutsQueued).toBe(1);
    await rp.next();
    expect(rp.received).toHaveLength(0);
  });

  it('§2.8: an application that fails is retried until it takes the token; each failure is logged and in the audit trail', async () => {
    const { user, sessionId } = await browserSession();
    await signInTo(app);
    rp.answer.push(503, 503);
    await signOut(sessionId);
    const [token] = await rp.next(1, 30_000);
    expect((await jwtVerify(token!, await jwks(), { issuer: BASE, audience: app.clientId })).payload.sid).toBe(sessionId);
    await flushAudit();
    const { rows } = await listAuditEvents(t.db, { type: 'backchannel_logout.failed', userId: user.id }, 10);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ clientId: app.clientId, actorType: 'system' });
    expect(rows.map((r) => r.detail)).toEqual(expect.arrayContaining([expect.objectContaining({ status: 503, willRetry: true, host: new URL(rp.url).host })]));
    expect(errors.some((l) => l.includes(app.clientId) && l.includes('answered 503') && l.includes('will retry'))).toBe(true);
    expect(errors.join('\n')).not.toContain(token);
  });

  it('an unreachable back-channel URI never delays or fails the sign-out; the failure is recorded', async () => {
    const closed = await listen();
    const url = closed.url;
    await closed.close();
    const down = await t.application({ name: 'Down', skipAuthorization: true, backchannelLogoutUri: url });
    const { user, sessionId } = await browserSession();
    const tokens = await signInTo(down);
    const started = Date.now();
    const result = await signOut(sessionId);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(result).toMatchObject({ logoutsQueued: 1 });
    expect(await t.introspect(down, tokens.access_token)).toEqual({ active: false });
    const deadline = Date.now() + 20_000;
    let rows: unknown[] = [];
    while (rows.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      await flushAudit();
      rows = (await listAuditEvents(t.db, { type: 'backchannel_logout.failed', userId: user.id }, 10)).rows;
    }
    expect(rows.length).toBeGreaterThan(0);
  });
});

describe(`back-channel URIs of self-registered clients (no SSRF) on ${testDatabaseKind}`, () => {
  /** A self-registered (RFC 7591) application whose back-channel URI is `uri`. */
  async function selfRegistered(uri: string) {
    const client = await t.application({ name: 'Self-registered', skipAuthorization: true, backchannelLogoutUri: uri });
    await t.db.execute(sql`update applications set registered_via = 'dynamic' where client_id = ${client.clientId}`);
    return client;
  }
  const job = (applicationId: string) => ({ applicationId, userId: '00000000-0000-4000-8000-000000000000', sessionId: 'sid', issuer: BASE });
  const first = { number: 1, last: false };

  it('a URI whose host resolves to a private or loopback address is refused for good, never POSTed to', async () => {
    const client = await selfRegistered('https://rp.example/backchannel-logout');
    const deliver = createBackchannelDelivery({ db: t.db, keys: t.keys, logError: () => {}, resolve: async () => [{ address: '127.0.0.1', family: 4 }] });
    await expect(deliver(job(client.id), first)).rejects.toThrow(/loopback/);
    await expect(deliver(job(client.id), first)).rejects.toBeInstanceOf(PermanentFailure);
    expect(rp.received).toHaveLength(0);
  });

  it('DNS rebinding: the POST goes to the address that was checked, not to what the name resolves to a moment later', async () => {
    const port = new URL(rp.url).port;
    // localhost: what the system resolver would answer at connection time is the listener.
    const client = await selfRegistered(`http://localhost:${port}/backchannel-logout`);
    const answers: string[] = [];
    const rebinding = async () => {
      // The first answer is public (it passes the check); every later one points inside.
      const address = answers.length === 0 ? '93.184.216.34' : '127.0.0.1';
      answers.push(address);
      return [{ address, family: 4 as const }];
    };
    const lines: string[] = [];
    const deliver = createBackchannelDelivery({ db: t.db, keys: t.keys, logError: (l) => lines.push(l), resolve: rebinding, timeoutMs: 300 });
    // The checked public address does not answer here (no route out): a retryable failure, and the listener hears nothing.
    await expect(deliver(job(client.id), first)).rejects.not.toBeInstanceOf(PermanentFailure);
    expect(answers).toEqual(['93.184.216.34']);
    await new Promise((r) => setTimeout(r, 300));
    expect(rp.received).toHaveLength(0);
    expect(lines.join('\n')).toContain('will retry');
  });
});

describe(`logout that ends tokens (OAUTH2_LOGOUT_REVOKES_TOKENS) on ${testDatabaseKind}`, () => {
  it('signing out revokes the access and refresh tokens issued in that session', async () => {
    const { sessionId } = await browserSession();
    const tokens = await signInTo(app, 'openid read');
    expect((await t.introspect(app, tokens.access_token)).active).toBe(true);
    const { tokensRevoked } = await signOut(sessionId);
    expect(tokensRevoked).toBe(2);
    expect(await t.introspect(app, tokens.access_token)).toEqual({ active: false });
    const refreshed = await t.refresh(app, tokens.refresh_token);
    expect(refreshed.status).toBe(400);
    expect(await body(refreshed)).toMatchObject({ error: 'invalid_grant' });
    await rp.next();
  });

  it('tokens refreshed during the session end with it too', async () => {
    const { sessionId } = await browserSession();
    const first = await signInTo(quiet, 'openid read');
    const refreshed = (await body(await t.refresh(quiet, first.refresh_token))) as { access_token: string };
    await signOut(sessionId);
    expect(await t.introspect(quiet, refreshed.access_token)).toEqual({ active: false });
  });

  it('grants with offline_access are kept: they are meant to outlive the sign-in', async () => {
    const { sessionId } = await browserSession();
    const offline = await signInTo(quiet, 'openid read offline_access');
    const online = await signInTo(app, 'openid read');
    await signOut(sessionId);
    expect((await t.introspect(quiet, offline.access_token)).active).toBe(true);
    expect((await t.refresh(quiet, offline.refresh_token)).status).toBe(200);
    expect(await t.introspect(app, online.access_token)).toEqual({ active: false });
    await rp.next();
  });

  it('other sessions\' tokens stay; with the setting off, the session\'s tokens stay too (logout tokens are still sent)', async () => {
    const { sessionId: a } = await browserSession();
    const kept = await signInTo(quiet);
    const { sessionId: b } = await browserSession();
    const mine = await signInTo(app);
    const result = await signOut(b, false);
    expect(result).toMatchObject({ tokensRevoked: 0, logoutsQueued: 1 });
    expect((await t.introspect(app, mine.access_token)).active).toBe(true);
    expect((await t.introspect(quiet, kept.access_token)).active).toBe(true);
    await rp.next();
    expect(a).not.toBe(b);
  });
});

describe('registration and discovery', () => {
  it('OIDC Discovery: backchannel_logout_supported and backchannel_logout_session_supported', async () => {
    const doc = await body(await t.server.discovery(get('/.well-known/openid-configuration')));
    expect(doc).toMatchObject({ backchannel_logout_supported: true, backchannel_logout_session_supported: true });
  });

  it('RFC 7591 §3.2.2: a bad backchannel_logout_uri is invalid_client_metadata; a good one is registered', async () => {
    for (const uri of ['not a url', 'http://rp.example/logout', 'https://rp.example/logout#x', 'https://user:pw@rp.example/logout', 42]) {
      const res = await t.server.register(jsonPost('/o/register', { redirect_uris: ['https://rp.example/cb'], token_endpoint_auth_method: 'none', backchannel_logout_uri: uri }));
      expect(res.status, String(uri)).toBe(400);
      expect(await body(res)).toMatchObject({ error: 'invalid_client_metadata' });
    }
    const ok = await t.server.register(
      jsonPost('/o/register', { redirect_uris: ['https://rp.example/cb'], token_endpoint_auth_method: 'none', backchannel_logout_uri: 'https://rp.example/logout', backchannel_logout_session_required: true }),
    );
    expect(ok.status).toBe(201);
    expect(await body(ok)).toMatchObject({ backchannel_logout_uri: 'https://rp.example/logout', backchannel_logout_session_required: true });
  });
});
