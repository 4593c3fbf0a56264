/** `npm run manage -- createinitialaccesstoken`: RFC 7591 §3 initial access tokens, shown once, stored as digests. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { initialAccessTokens } from '@/drizzle/schema';
import { createOAuthServer } from '@/lib/oauth';
import { digest } from '@/lib/oauth/secrets';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import type { DbHandle } from '@/lib/db/types';
import { createTestServer, jsonPost } from '@/lib/testing/oauth';
import { UsageError } from './command';
import { createinitialaccesstoken } from './createinitialaccesstoken';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
beforeAll(async () => {
  t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'token' } });
});

async function run(values: Record<string, string>, json = true, positionals: string[] = []) {
  const lines: string[] = [];
  await createinitialaccesstoken.run({ args: { values, positionals }, db: { db: t.db } as DbHandle, json, out: (s) => lines.push(s) });
  return lines;
}
const register = (token: string) =>
  createOAuthServer(t.deps).register(jsonPost('/o/register', { redirect_uris: ['http://127.0.0.1/cb'], token_endpoint_auth_method: 'none' }, { Authorization: `Bearer ${token}` }));

describe('manage createinitialaccesstoken', () => {
  it('--json prints the token once; only its SHA-256 digest is stored; it registers a client', async () => {
    const [line] = await run({ description: 'for Cursor', 'max-uses': '2', 'expires-in': '3600' });
    const out = JSON.parse(line!) as { token: string; max_uses: number; expires_at: string };
    expect(out.max_uses).toBe(2);
    expect(new Date(out.expires_at).getTime()).toBeGreaterThan(Date.now());
    const [row] = await t.db.select().from(initialAccessTokens).where(eq(initialAccessTokens.tokenDigest, digest(out.token)));
    expect(row).toMatchObject({ description: 'for Cursor', maxUses: 2, uses: 0 });
    expect(JSON.stringify(row)).not.toContain(out.token);
    expect((await register(out.token)).status).toBe(201);
  });
  it('prints a readable block without --json, saying it is shown once', async () => {
    const lines = await run({}, false);
    expect(lines[0]).toMatch(/^initial access token: \S+ {3}\(shown once/);
    expect(lines).toContain('expires:  never');
    expect(lines).toContain('max uses: unlimited');
  });
  it('bad input is one line naming the flag (a UsageError, exit code 2)', async () => {
    await expect(run({ 'max-uses': '0' })).rejects.toThrow(new UsageError('--max-uses: expected a whole number ≥ 1, got "0"'));
    await expect(run({ 'expires-in': 'soon' })).rejects.toThrow(/--expires-in/);
    await expect(run({}, true, ['extra'])).rejects.toThrow(/unexpected argument "extra"/);
  });
  it('--help through the real command line', async () => {
    const { stdout } = await promisify(execFile)('npx', ['tsx', 'lib/manage/index.ts', 'createinitialaccesstoken', '--help'], { cwd: process.cwd() });
    expect(stdout).toMatch(/usage: npm run manage -- createinitialaccesstoken \[--description TEXT\] \[--expires-in SECONDS\] \[--max-uses N\] \[--json\]/);
  }, 30_000);
});
