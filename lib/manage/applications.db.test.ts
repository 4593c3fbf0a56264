/**
 * `manage listapplications`, `updateapplication` and `deleteapplication`: owner-less applications
 * (createapplication without --user) can be listed, changed and deleted; operator-only flags
 * (skip authorization, resource server) are set here and only here.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flushAudit, setAuditDatabase } from '@/lib/audit';
import { listAuditEvents } from '@/lib/db/audit';
import type { DbHandle } from '@/lib/db/types';
import { EventBus } from '@/lib/oauth/events';
import { digest } from '@/lib/oauth/secrets';
import { BASE, createTestServer, get } from '@/lib/testing/oauth';
import { UsageError, type Command } from './command';
import { createapplication } from './createapplication';
import { deleteapplication } from './deleteapplication';
import { listapplications } from './listapplications';
import { updateapplication } from './updateapplication';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
beforeAll(async () => {
  t = await createTestServer();
  setAuditDatabase(t.db);
});

async function run(command: Command, positionals: string[], values: Record<string, string | boolean> = {}, json = true, events?: EventBus) {
  const lines: string[] = [];
  await command.run({ args: { values, positionals }, db: { db: t.db } as DbHandle, json, out: (s) => lines.push(s), events });
  return lines;
}
const jsonOf = async (command: Command, positionals: string[], values: Record<string, string | boolean> = {}) => JSON.parse((await run(command, positionals, values))[0]!);

async function ownerless(name = 'Ops tool') {
  return (await jsonOf(createapplication, ['confidential', 'authorization-code'], { name, 'redirect-uris': 'https://ops.example/cb' })) as { client_id: string; id: string };
}

afterAll(() => setAuditDatabase(null));

describe('manage listapplications', () => {
  it('lists owner-less applications that no screen shows, filtered by --owner', async () => {
    const created = await ownerless('Nobody’s');
    const dev = await t.user();
    await t.application({ ownerId: dev.id, name: 'Dev’s' });
    const all = (await jsonOf(listapplications, [])) as { client_id: string; owner: string | null }[];
    expect(all.find((a) => a.client_id === created.client_id)).toMatchObject({ owner: null, skip_authorization: false, resource_server: false, has_secret: true });
    const none = (await jsonOf(listapplications, [], { owner: 'none' })) as { name: string }[];
    expect(none.map((a) => a.name)).toContain('Nobody’s');
    expect(none.map((a) => a.name)).not.toContain('Dev’s');
    const mine = (await jsonOf(listapplications, [], { owner: dev.email })) as { name: string; owner: string }[];
    expect(mine).toEqual([expect.objectContaining({ name: 'Dev’s', owner: dev.email })]);
    const text = await run(listapplications, [], { owner: dev.email }, false);
    expect(text[0]).toMatch(/ {2}Dev’s {2}confidential {2}authorization_code,client_credentials,password {2}owner: /);
  });
  it('bad input is one line', async () => {
    await expect(run(listapplications, [], { owner: 'ghost@example.com' })).rejects.toThrow(new UsageError('--owner: no user with email ghost@example.com'));
    await expect(run(listapplications, ['x'])).rejects.toThrow(/unexpected argument "x"/);
  });
});

describe('manage updateapplication', () => {
  it('issue 15 item 1: the operator sets and clears skip authorization, and /o/authorize follows it', async () => {
    const app = await ownerless();
    const user = await t.user();
    t.signIn(user.id);
    const authorize = async () => new URL((await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: app.client_id }))).headers.get('location')!, BASE);
    expect((await authorize()).pathname).toBe('/o/consent');
    expect(await jsonOf(updateapplication, [app.client_id], { 'skip-authorization': true })).toMatchObject({ skip_authorization: true });
    expect((await authorize()).searchParams.get('code')).toBeTruthy();
    expect(await jsonOf(updateapplication, [app.client_id], { 'skip-authorization': false })).toMatchObject({ skip_authorization: false });
    expect((await authorize()).pathname).toBe('/o/consent');
  });

  it('sets --resource-server and changes the fields createapplication takes, leaving the rest alone', async () => {
    const app = await ownerless('Before');
    const dev = await t.user();
    const out = await jsonOf(updateapplication, [app.client_id], {
      name: 'After',
      'resource-server': true,
      'redirect-uris': 'https://ops.example/a https://ops.example/b',
      'allowed-origins': 'https://ops.example',
      algorithm: 'RS256',
      user: dev.email,
    });
    expect(out).toMatchObject({
      name: 'After',
      resource_server: true,
      redirect_uris: ['https://ops.example/a', 'https://ops.example/b'],
      allowed_origins: ['https://ops.example'],
      algorithm: 'RS256',
      owner: dev.email,
      grant_types: ['authorization_code'],
      skip_authorization: false,
    });
    expect((await t.store.findApplicationByClientId(app.client_id))!.resourceServer).toBe(true);
    expect(await jsonOf(updateapplication, [app.client_id], { 'resource-server': false, 'no-user': true, algorithm: 'none' })).toMatchObject({ resource_server: false, owner: null, algorithm: null });
  });

  it('turning a public client confidential prints a new secret once and stores its digest', async () => {
    const pub = await jsonOf(createapplication, ['public', 'authorization-code'], { 'redirect-uris': 'https://ops.example/cb' });
    const out = (await jsonOf(updateapplication, [pub.client_id], { 'client-type': 'confidential' })) as { client_secret: string };
    expect(out.client_secret).toMatch(/^\S{20,}$/);
    expect((await t.store.findApplicationByClientId(pub.client_id))!.clientSecretDigest).toBe(digest(out.client_secret));
    await jsonOf(updateapplication, [pub.client_id], { 'client-type': 'public' });
    expect((await t.store.findApplicationByClientId(pub.client_id))!.clientSecretDigest).toBeNull();
  });

  it('applies the same rules as createapplication (one line naming the flag) and changes nothing on refusal', async () => {
    const app = await ownerless('Kept');
    await expect(run(updateapplication, [app.client_id], { 'redirect-uris': 'http://evil.example/cb' })).rejects.toThrow(/^--redirect-uris: http:\/\/evil\.example\/cb /);
    await expect(run(updateapplication, [app.client_id], { 'redirect-uris': '' })).rejects.toThrow(/^--redirect-uris: the authorization-code and implicit grants need at least one redirect URI$/);
    await expect(run(updateapplication, [app.client_id], { grants: 'client-credentials', 'client-type': 'public' })).rejects.toThrow(/^grant types: client credentials needs a confidential client$/);
    await expect(run(updateapplication, [app.client_id], { grants: 'magic' })).rejects.toThrow(/^--grants "magic": expected one of/);
    await expect(run(updateapplication, [app.client_id], { algorithm: 'HS256' })).rejects.toThrow(new UsageError('--algorithm: expected RS256, ES256 or none'));
    await expect(run(updateapplication, [app.client_id], { name: ' ' })).rejects.toThrow(new UsageError('--name: must not be empty'));
    await expect(run(updateapplication, [app.client_id])).rejects.toThrow(/^nothing to change/);
    await expect(run(updateapplication, ['nope'], { name: 'x' })).rejects.toThrow(new UsageError('no application with client_id "nope"'));
    await expect(run(updateapplication, [], { name: 'x' })).rejects.toThrow(/^client_id: /);
    expect((await t.store.findApplicationByClientId(app.client_id))!).toMatchObject({ name: 'Kept', redirectUris: ['https://ops.example/cb'] });
  });
});

describe('manage deleteapplication', () => {
  it('deletes an owner-less application with its tokens, emitting token_revoked for each live one', async () => {
    const app = await ownerless('Doomed');
    const user = await t.user();
    const family = randomUUID();
    const stored = (await t.store.findApplicationByClientId(app.client_id))!;
    await t.store.issueTokens(
      { tokenDigest: digest('a1'), applicationId: stored.id, userId: user.id, scope: 'read', expiresAt: new Date(Date.now() + 3600_000), authorizationCodeId: null, familyId: family, createdAt: new Date() },
      { tokenDigest: digest('r1'), applicationId: stored.id, userId: user.id, scope: 'read', familyId: family, authorizationCodeId: null, authTime: null, createdAt: new Date() },
    );
    const events = new EventBus();
    const seen: string[] = [];
    events.on('token_revoked', (e) => void seen.push(`${e.clientId}:${e.tokenType}`));
    const [line] = await run(deleteapplication, [app.client_id], {}, true, events);
    expect(JSON.parse(line!)).toEqual({ client_id: app.client_id, deleted: true, revoked_access_tokens: 1, revoked_refresh_tokens: 1 });
    expect(seen).toEqual([`${app.client_id}:access_token`, `${app.client_id}:refresh_token`]);
    expect(await t.store.findApplicationByClientId(app.client_id)).toBeNull();
    expect(await t.store.findAccessToken(digest('a1'))).toBeNull();
    // Created and deleted by "the command line" in the audit trail (issue 18).
    await flushAudit();
    const types = (await listAuditEvents(t.db, { clientId: app.client_id }, 10)).rows.map((r) => [r.type, r.actorType, r.actorLabel?.startsWith('command line')]);
    expect(types).toEqual(expect.arrayContaining([['application.created', 'operator', true], ['application.deleted', 'operator', true]]));
  });
  it('an unknown client_id is one line, exit code 2', async () => {
    await expect(run(deleteapplication, ['nope'])).rejects.toThrow(new UsageError('no application with client_id "nope"'));
    await expect(run(deleteapplication, [])).rejects.toThrow(/^client_id: /);
  });
  it('--help through the real command line, for each new command', async () => {
    const help = async (name: string) => (await promisify(execFile)('npx', ['tsx', 'lib/manage/index.ts', name, '--help'], { cwd: process.cwd() })).stdout;
    expect(await help('listapplications')).toMatch(/usage: npm run manage -- listapplications \[--owner EMAIL\|none\] \[--json\]/);
    expect(await help('updateapplication')).toMatch(/\[--skip-authorization \| --no-skip-authorization\] \[--resource-server \| --no-resource-server\]/);
    expect(await help('deleteapplication')).toMatch(/usage: npm run manage -- deleteapplication <client_id> \[--json\]/);
  }, 60_000);
});
