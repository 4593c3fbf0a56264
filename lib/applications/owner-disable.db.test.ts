/**
 * Issue 19 item 4: an owner disables and enables their own application with the operators'
 * flag, so the same enforcement (RFC 6749 §5.2 invalid_client), and cannot undo an operator's.
 */
import { describe, expect, it } from 'vitest';
import { disableApplication } from '@/lib/admin/application-actions';
import { cliOperatorContext } from '@/lib/admin/cli-context';
import { flushAudit } from '@/lib/audit';
import { createApplicationStore } from '@/lib/db/applications';
import type { DbHandle } from '@/lib/db/types';
import { basic, form } from '@/lib/testing/oauth';
import { createAuditedTestServer } from '@/lib/testing/audited';
import { setApplicationDisabledByOwner } from './service';

const t = await createAuditedTestServer();

describe('the owner disable switch', () => {
  it('RFC 6749 §5.2: disabled by its owner, the client gets invalid_client; enabled again, it works', async () => {
    const owner = await t.user();
    const app = await t.application({ ownerId: owner.id });
    const apps = createApplicationStore(t.db);
    const by = { type: 'user' as const, id: owner.id, label: owner.email };
    const status = async () => (await t.server.token(form('/o/token', { grant_type: 'client_credentials' }, basic(app.clientId, app.clientSecret)))).status;
    expect(await setApplicationDisabledByOwner(apps, { id: app.id, ownerId: owner.id }, true, by)).toBe('ok');
    expect(await status()).toBe(401);
    await flushAudit();
    expect(await setApplicationDisabledByOwner(apps, { id: app.id, ownerId: owner.id }, false, by)).toBe('ok');
    expect(await status()).toBe(200);
    // Another account's id names nothing.
    const stranger = await t.user();
    expect(await setApplicationDisabledByOwner(apps, { id: app.id, ownerId: stranger.id }, true, { ...by, id: stranger.id })).toBeNull();
  });

  it('an owner cannot enable an application an operator disabled', async () => {
    const owner = await t.user();
    const app = await t.application({ ownerId: owner.id });
    await disableApplication(cliOperatorContext({ db: t.db } as DbHandle, t.deps.events), app.id, true);
    await flushAudit();
    const apps = createApplicationStore(t.db);
    expect(await setApplicationDisabledByOwner(apps, { id: app.id, ownerId: owner.id }, false, { type: 'user', id: owner.id, label: owner.email })).toBe('refused');
    expect((await t.store.findApplicationByClientId(app.clientId))!.disabledAt).toBeInstanceOf(Date);
  });
});
