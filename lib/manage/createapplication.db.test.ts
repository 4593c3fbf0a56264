/** `npm run manage -- createapplication --resource-server`: an operator marks a resource server, which may introspect any token (RFC 7662 §4). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAuditDatabase } from '@/lib/audit';
import type { DbHandle } from '@/lib/db/types';
import { basic, body, createTestServer, form } from '@/lib/testing/oauth';
import { UsageError } from './command';
import { createapplication } from './createapplication';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
beforeAll(async () => {
  t = await createTestServer();
  setAuditDatabase(t.db);
});

async function run(values: Record<string, string | boolean>, positionals: string[], json = true) {
  const lines: string[] = [];
  await createapplication.run({ args: { values, positionals }, db: { db: t.db } as DbHandle, json, out: (s) => lines.push(s) });
  return lines;
}

afterAll(() => setAuditDatabase(null));

describe('manage createapplication --resource-server', () => {
  it('RFC 7662 §4: marks the application, which then introspects tokens issued to any other application', async () => {
    const [line] = await run({ name: 'DOT resource server', 'resource-server': true }, ['confidential', 'client-credentials']);
    const rs = JSON.parse(line!) as { client_id: string; client_secret: string; resource_server: boolean };
    expect(rs.resource_server).toBe(true);
    expect((await t.store.findApplicationByClientId(rs.client_id))!.resourceServer).toBe(true);

    const other = await t.application();
    const issued = await t.server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read' }, basic(other.clientId, other.clientSecret)));
    const token = (await body(issued)).access_token as string;
    const res = await t.server.introspect(form('/o/introspect', { token }, basic(rs.client_id, rs.client_secret)));
    expect(await body(res)).toMatchObject({ active: true, client_id: other.clientId });
  });

  it('without the flag the application is not a resource server, and sees only its own tokens', async () => {
    const [line] = await run({ name: 'plain' }, ['confidential', 'client-credentials']);
    const plain = JSON.parse(line!) as { client_id: string; client_secret: string; resource_server: boolean };
    expect(plain.resource_server).toBe(false);
    const other = await t.application();
    const issued = await t.server.token(form('/o/token', { grant_type: 'client_credentials', scope: 'read' }, basic(other.clientId, other.clientSecret)));
    const res = await t.server.introspect(form('/o/introspect', { token: (await body(issued)).access_token as string }, basic(plain.client_id, plain.client_secret)));
    expect(await body(res)).toStrictEqual({ active: false });
  });

  it('says so in the readable output', async () => {
    const lines = await run({ name: 'readable', 'resource-server': true }, ['confidential', 'client-credentials'], false);
    expect(lines).toContain('resource server: may introspect any token');
  });

  it('refuses a public client in one line (it has no secret to authenticate with)', async () => {
    await expect(run({ 'resource-server': true, 'redirect-uris': 'https://spa.example/cb' }, ['public', 'authorization-code'])).rejects.toThrow(UsageError);
    await expect(run({ 'resource-server': true, 'redirect-uris': 'https://spa.example/cb' }, ['public', 'authorization-code'])).rejects.toThrow(/--resource-server/);
  });
});
