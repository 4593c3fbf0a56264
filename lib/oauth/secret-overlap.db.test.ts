/**
 * Issue 19: secret rotation with overlap. RFC 6749 §2.3.1 client authentication accepts the
 * previous secret until it expires, at every endpoint that authenticates clients (token,
 * introspection, revocation), and no longer after it or after "Revoke now".
 */
import { describe, expect, it } from 'vitest';
import { flushAudit } from '@/lib/audit';
import { createApplicationStore } from '@/lib/db/applications';
import { listAuditEvents } from '@/lib/db/audit';
import type { DbHandle } from '@/lib/db/types';
import { revokePreviousSecret, rotateSecret } from '@/lib/applications/service';
import { rotatesecret } from '@/lib/manage/rotatesecret';
import { basic, body, form } from '@/lib/testing/oauth';
import { createAuditedTestServer } from '@/lib/testing/audited';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createAuditedTestServer();

/** Status of a client_credentials request, an introspection and a revocation with this secret. */
async function everyEndpoint(clientId: string, secret: string): Promise<number[]> {
  const auth = basic(clientId, secret);
  const token = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, auth));
  const introspect = await t.server.introspect(form('/o/introspect', { token: 'whatever' }, auth));
  const revoke = await t.server.revoke(form('/o/revoke_token', { token: 'whatever' }, auth));
  return [token.status, introspect.status, revoke.status];
}

describe(`RFC 6749 §2.3.1 client secrets across a rotation on ${testDatabaseKind}`, () => {
  it('both secrets work during the overlap; the old one is invalid_client after it', async () => {
    const app = await t.application();
    const apps = createApplicationStore(t.db);
    const fresh = (await rotateSecret(apps, { clientId: app.clientId }, undefined, 3600, t.now()))!;
    expect(await everyEndpoint(app.clientId, app.clientSecret)).toEqual([200, 200, 200]);
    expect(await everyEndpoint(app.clientId, fresh)).toEqual([200, 200, 200]);
    t.advance(3601);
    expect(await everyEndpoint(app.clientId, app.clientSecret)).toEqual([401, 401, 401]);
    const res = await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret)));
    expect(await body(res)).toMatchObject({ error: 'invalid_client' });
    expect(await everyEndpoint(app.clientId, fresh)).toEqual([200, 200, 200]);
  });

  it('"Revoke now" ends the old secret at once', async () => {
    const app = await t.application();
    const apps = createApplicationStore(t.db);
    const fresh = (await rotateSecret(apps, { clientId: app.clientId }, undefined, 86400, t.now()))!;
    expect((await everyEndpoint(app.clientId, app.clientSecret))[0]).toBe(200);
    expect(await revokePreviousSecret(apps, { clientId: app.clientId })).toBe(true);
    expect(await everyEndpoint(app.clientId, app.clientSecret)).toEqual([401, 401, 401]);
    expect((await everyEndpoint(app.clientId, fresh))[0]).toBe(200);
    expect(await revokePreviousSecret(apps, { clientId: app.clientId })).toBe(false);
  });

  it('without an overlap the old secret stops at once, and a second rotation drops the kept one', async () => {
    const app = await t.application();
    const apps = createApplicationStore(t.db);
    const second = (await rotateSecret(apps, { clientId: app.clientId }, undefined, 3600, t.now()))!;
    await rotateSecret(apps, { clientId: app.clientId }, undefined, 0, t.now());
    expect((await everyEndpoint(app.clientId, app.clientSecret))[0]).toBe(401);
    expect((await everyEndpoint(app.clientId, second))[0]).toBe(401);
  });

  it('an overlap above 7 days is refused', async () => {
    const app = await t.application();
    await expect(rotateSecret(createApplicationStore(t.db), { clientId: app.clientId }, undefined, 8 * 86400)).rejects.toThrow(/7 days/);
  });

  it('manage rotatesecret --overlap 24h --json prints the secret once and records application.secret_rotated with the overlap', async () => {
    const app = await t.application();
    const lines: string[] = [];
    await rotatesecret.run({ args: { values: { 'client-id': app.clientId, overlap: '24h' }, positionals: [] }, db: { db: t.db } as DbHandle, json: true, out: (s) => lines.push(s), events: t.deps.events });
    const out = JSON.parse(lines[0]!) as { client_secret: string; previous_secret_expires_at: string };
    expect(out.client_secret).toMatch(/^[\w-]{43}$/);
    expect(Date.parse(out.previous_secret_expires_at) - Date.now()).toBeGreaterThan(86400_000 - 60_000);
    await flushAudit();
    const [event] = (await listAuditEvents(t.db, { type: 'application.secret_rotated' }, 1)).rows;
    expect(event).toMatchObject({ clientId: app.clientId, detail: expect.objectContaining({ overlapSeconds: 86400 }) });
    await expect(
      rotatesecret.run({ args: { values: { 'client-id': app.clientId, overlap: '8d' }, positionals: [] }, db: { db: t.db } as DbHandle, json: true, out: () => {}, events: t.deps.events }),
    ).rejects.toThrow('--overlap: at most 7d');
  });
});
