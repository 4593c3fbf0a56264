/**
 * Issue 18's audit trail: an application created, updated, its secret rotated and deleted, by
 * its owner (dashboard) or an operator (command line), is recorded with that actor; never the
 * secret. Test factories (no `by`) record nothing.
 */
import { describe, expect, it } from 'vitest';
import { flushAudit } from '@/lib/audit';
import { listAuditEvents } from '@/lib/db/audit';
import { createApplicationStore } from '@/lib/db/applications';
import { defaultSettings } from '@/lib/oauth/settings';
import { createAuditedTestServer } from '@/lib/testing/audited';
import { deleteApplication, registerApplication, rotateSecret, updateApplication } from './service';

const t = await createAuditedTestServer();

const rowsFor = async (clientId: string) => {
  await flushAudit();
  return (await listAuditEvents(t.db, { clientId }, 50)).rows.reverse();
};

describe('application changes in the audit trail', () => {
  it('created, updated, secret rotated and deleted by the owner: one row each, the owner as actor, no secret', async () => {
    const owner = await t.user();
    const by = { type: 'user' as const, id: owner.id, label: owner.email };
    const apps = createApplicationStore(t.db);
    const input = { name: 'Photo Printer', clientType: 'confidential' as const, grantTypes: ['authorization_code' as const], redirectUris: ['https://client.example/cb'], ownerId: owner.id };
    const { application, clientSecret } = await registerApplication(apps, input, defaultSettings, by);
    const which = { id: application.id, ownerId: owner.id };
    await updateApplication(apps, which, { name: 'Photo Printer 2' }, defaultSettings, by);
    const rotated = await rotateSecret(apps, which, by);
    await deleteApplication(apps, which, t.deps.events, by);

    const rows = await rowsFor(application.clientId);
    expect(rows.map((r) => r.type)).toEqual(['application.created', 'application.updated', 'application.secret_rotated', 'application.deleted']);
    for (const r of rows) expect(r).toMatchObject({ actorType: 'user', actorId: owner.id, actorLabel: owner.email, userId: owner.id, clientId: application.clientId });
    expect(rows[0]!.detail).toMatchObject({ application: 'Photo Printer', clientType: 'confidential', grantTypes: ['authorization_code'] });
    expect(rows[1]!.detail).toMatchObject({ application: 'Photo Printer 2', changed: ['name'] });
    expect(rows[3]!.detail).toMatchObject({ application: 'Photo Printer 2', accessTokens: 0, refreshTokens: 0 });
    const text = JSON.stringify(rows);
    expect(text).not.toContain(clientSecret!);
    expect(text).not.toContain(rotated!);
  });

  it('another owner changes nothing and records nothing; a factory (no actor) records nothing', async () => {
    const owner = await t.user();
    const stranger = await t.user();
    const apps = createApplicationStore(t.db);
    const { application } = await registerApplication(apps, { name: 'Quiet', clientType: 'confidential', grantTypes: ['client_credentials'], redirectUris: [], ownerId: owner.id }, defaultSettings);
    const by = { type: 'user' as const, id: stranger.id, label: stranger.email };
    expect(await rotateSecret(apps, { id: application.id, ownerId: stranger.id }, by)).toBeNull();
    expect(await deleteApplication(apps, { id: application.id, ownerId: stranger.id }, undefined, by)).toBeNull();
    expect(await rowsFor(application.clientId)).toEqual([]);
  });
});
