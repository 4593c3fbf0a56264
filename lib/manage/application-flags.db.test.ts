/**
 * `createapplication` and `updateapplication` take what the dashboard form takes (issue 16):
 * --resources, --rate-limit, --allowed-origins, --post-logout-redirect-uris, --algorithm, mapped
 * onto the application service's input, and a bad flag is one line naming it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setAuditDatabase } from '@/lib/audit';
import type { DbHandle } from '@/lib/db/types';
import { createTestServer } from '@/lib/testing/oauth';
import { UsageError, type Command } from './command';
import { createapplication } from './createapplication';
import { updateapplication } from './updateapplication';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
beforeAll(async () => {
  t = await createTestServer();
  setAuditDatabase(t.db);
});

async function run(command: Command, positionals: string[], values: Record<string, string | boolean> = {}) {
  const lines: string[] = [];
  await command.run({ args: { values, positionals }, db: { db: t.db } as DbHandle, json: true, out: (s) => lines.push(s) });
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

const CB = { 'redirect-uris': 'https://ops.example/cb' };

afterAll(() => setAuditDatabase(null));

describe('manage createapplication: the form’s fields as flags', () => {
  it('stores resources, rate limit, origins, post-logout URIs and algorithm as the dashboard would', async () => {
    const created = await run(createapplication, ['confidential', 'authorization-code'], {
      ...CB,
      resources: 'https://api.example/mcp https://api.example/v2',
      'rate-limit': '5000',
      'allowed-origins': 'https://ops.example',
      'post-logout-redirect-uris': 'https://ops.example/bye',
      algorithm: 'ES256',
    });
    const app = (await t.store.findApplicationByClientId(created.client_id as string))!;
    expect(app).toMatchObject({
      resources: ['https://api.example/mcp', 'https://api.example/v2'],
      rateLimit: 5000,
      allowedOrigins: ['https://ops.example'],
      postLogoutRedirectUris: ['https://ops.example/bye'],
      algorithm: 'ES256',
    });
  });

  it('--rate-limit takes default (the settings’) and none (no limit)', async () => {
    const none = await run(createapplication, ['confidential', 'client-credentials'], { 'rate-limit': 'none' });
    expect((await t.store.findApplicationByClientId(none.client_id as string))!.rateLimit).toBe(0);
    const dflt = await run(createapplication, ['confidential', 'client-credentials'], { 'rate-limit': 'default' });
    expect((await t.store.findApplicationByClientId(dflt.client_id as string))!.rateLimit).toBeNull();
  });

  it('bad flags are one line naming the flag', async () => {
    await expect(run(createapplication, ['confidential', 'client-credentials'], { 'rate-limit': 'lots' })).rejects.toThrow(
      new UsageError('--rate-limit: enter a whole number of requests per minute, from 1 to 1,000,000, or default or none'),
    );
    await expect(run(createapplication, ['confidential', 'client-credentials'], { resources: '/relative' })).rejects.toThrow(
      new UsageError('--resources: /relative is not an absolute URI'),
    );
    await expect(run(createapplication, ['confidential', 'client-credentials'], { 'allowed-origins': 'https://a.example/path' })).rejects.toThrow(
      /^--allowed-origins: https:\/\/a\.example\/path is not an origin/,
    );
    await expect(run(createapplication, ['confidential', 'authorization-code'])).rejects.toThrow(
      new UsageError('--redirect-uris: the authorization-code and implicit grants need at least one redirect URI'),
    );
    await expect(run(createapplication, ['confidential', 'client-credentials'], { name: '' })).rejects.toThrow(new UsageError('--name: must not be empty'));
  });
});

describe('manage updateapplication: the same flags', () => {
  it('changes resources and the rate limit, leaving the rest alone', async () => {
    const created = await run(createapplication, ['confidential', 'authorization-code'], { ...CB, 'rate-limit': '90' });
    const out = await run(updateapplication, [created.client_id as string], { resources: 'https://api.example/mcp' });
    expect(out).toMatchObject({ resources: ['https://api.example/mcp'], rate_limit: 90, redirect_uris: ['https://ops.example/cb'] });
    expect(await run(updateapplication, [created.client_id as string], { 'rate-limit': 'none' })).toMatchObject({ rate_limit: 0 });
    expect(await run(updateapplication, [created.client_id as string], { resources: '' })).toMatchObject({ resources: [] });
  });

  it('refuses a bad --rate-limit and changes nothing', async () => {
    const created = await run(createapplication, ['confidential', 'authorization-code'], { ...CB, 'rate-limit': '90' });
    await expect(run(updateapplication, [created.client_id as string], { 'rate-limit': '0' })).rejects.toThrow(/^--rate-limit: /);
    expect((await t.store.findApplicationByClientId(created.client_id as string))!.rateLimit).toBe(90);
  });

  it('RFC 7662 §4: a resource server cannot be made public (it authenticates with its secret)', async () => {
    const created = await run(createapplication, ['confidential', 'client-credentials'], { 'resource-server': true });
    await expect(run(updateapplication, [created.client_id as string], { 'client-type': 'public', grants: 'authorization-code', ...CB })).rejects.toThrow(
      new UsageError('--resource-server: needs a confidential client (it authenticates with its secret)'),
    );
  });
});
