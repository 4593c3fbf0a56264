/**
 * Issue 23 on the command line: --logo-uri, --client-uri, --policy-uri and --tos-uri set who an
 * application is (kept in client_metadata under their RFC 7591 §2 names, as dynamic registration
 * keeps them), through the application service's identity rule; a bad one is one line naming the flag.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { applications } from '@/drizzle/schema';
import type { DbHandle } from '@/lib/db/types';
import { createAuditedTestServer } from '@/lib/testing/audited';
import { UsageError, type Command } from './command';
import { createapplication } from './createapplication';
import { updateapplication } from './updateapplication';

const t = await createAuditedTestServer();

async function run(command: Command, positionals: string[], values: Record<string, string | boolean> = {}) {
  const lines: string[] = [];
  await command.run({ args: { values, positionals }, db: { db: t.db } as DbHandle, json: true, out: (s) => lines.push(s) });
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

async function storedMetadata(clientId: string): Promise<unknown> {
  const [row] = await t.db.select({ metadata: applications.clientMetadata }).from(applications).where(eq(applications.clientId, clientId));
  return row?.metadata;
}

const IDENTITY = {
  'logo-uri': 'https://cdn.ops.example/logo.png',
  'client-uri': 'https://ops.example',
  'policy-uri': 'https://ops.example/privacy',
  'tos-uri': 'https://ops.example/terms#use',
};

describe('manage createapplication --logo-uri --client-uri --policy-uri --tos-uri', () => {
  it('stores the four links in client_metadata under their RFC 7591 names; listapplications-style JSON shows them', async () => {
    const created = await run(createapplication, ['confidential', 'client-credentials'], { name: 'Ops', ...IDENTITY });
    expect(await storedMetadata(created.client_id as string)).toEqual({
      logo_uri: 'https://cdn.ops.example/logo.png',
      client_uri: 'https://ops.example',
      policy_uri: 'https://ops.example/privacy',
      tos_uri: 'https://ops.example/terms#use',
    });
    const shown = await run(updateapplication, [created.client_id as string], { name: 'Ops' });
    expect(shown).toMatchObject({ logo_uri: 'https://cdn.ops.example/logo.png', client_uri: 'https://ops.example', policy_uri: 'https://ops.example/privacy', tos_uri: 'https://ops.example/terms#use' });
  });

  it('without them, client_metadata stays empty (null), as before', async () => {
    const created = await run(createapplication, ['confidential', 'client-credentials'], { name: 'Plain' });
    expect(await storedMetadata(created.client_id as string)).toBeNull();
  });

  it('a bad link is one line naming the flag, and nothing is created', async () => {
    const before = (await t.db.select({ id: applications.id }).from(applications)).length;
    await expect(run(createapplication, ['confidential', 'client-credentials'], { 'logo-uri': 'http://cdn.ops.example/logo.png' })).rejects.toThrow(
      new UsageError('--logo-uri: must use https'),
    );
    await expect(run(createapplication, ['confidential', 'client-credentials'], { 'client-uri': 'ops.example' })).rejects.toThrow(
      new UsageError('--client-uri: must be an absolute https URL, such as https://example.com/'),
    );
    await expect(run(createapplication, ['confidential', 'client-credentials'], { 'policy-uri': 'https://me:pw@ops.example/privacy' })).rejects.toThrow(
      new UsageError('--policy-uri: must not contain a user name or password'),
    );
    await expect(run(createapplication, ['confidential', 'client-credentials'], { 'tos-uri': `https://ops.example/${'t'.repeat(2000)}` })).rejects.toThrow(
      new UsageError('--tos-uri: must be at most 2000 characters'),
    );
    expect((await t.db.select({ id: applications.id }).from(applications)).length).toBe(before);
  });
});

describe('manage updateapplication: the same flags', () => {
  it('changes only the links given, "" removes one, and the other flags leave them alone', async () => {
    const created = await run(createapplication, ['confidential', 'client-credentials'], { name: 'Ops', ...IDENTITY });
    const clientId = created.client_id as string;
    await run(updateapplication, [clientId], { 'logo-uri': 'https://cdn.ops.example/new.svg', 'tos-uri': '' });
    expect(await storedMetadata(clientId)).toEqual({ logo_uri: 'https://cdn.ops.example/new.svg', client_uri: 'https://ops.example', policy_uri: 'https://ops.example/privacy' });
    await run(updateapplication, [clientId], { name: 'Ops renamed' });
    expect(await storedMetadata(clientId)).toEqual({ logo_uri: 'https://cdn.ops.example/new.svg', client_uri: 'https://ops.example', policy_uri: 'https://ops.example/privacy' });
  });

  it('keeps the rest of a self-registered client’s RFC 7591 metadata when an operator sets its logo', async () => {
    const created = await run(createapplication, ['public', 'authorization-code'], { name: 'Agent', 'redirect-uris': 'https://agent.example/cb' });
    const clientId = created.client_id as string;
    const document = { client_name: 'Agent', redirect_uris: ['https://agent.example/cb'], software_id: 'agent-7', logo_uri: 'https://agent.example/old.png' };
    await t.db.update(applications).set({ clientMetadata: document }).where(eq(applications.clientId, clientId));
    await run(updateapplication, [clientId], { 'logo-uri': 'https://cdn.ops.example/agent.png' });
    expect(await storedMetadata(clientId)).toEqual({ ...document, logo_uri: 'https://cdn.ops.example/agent.png' });
  });

  it('a bad link is one line naming the flag, and nothing changes', async () => {
    const created = await run(createapplication, ['confidential', 'client-credentials'], { name: 'Ops', ...IDENTITY });
    const clientId = created.client_id as string;
    await expect(run(updateapplication, [clientId], { name: 'Changed', 'policy-uri': 'http://ops.example/privacy' })).rejects.toThrow(new UsageError('--policy-uri: must use https'));
    expect(await run(updateapplication, [clientId], { 'client-uri': 'https://ops.example' })).toMatchObject({ name: 'Ops', policy_uri: 'https://ops.example/privacy' });
  });
});
