/**
 * Issue 23 through the dashboard's path: the form's data → the application service → the store
 * (client_metadata) → the edit form's starting values and the consent page's reading. An owner may
 * set and clear the links of their own application only.
 */
import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { applications } from '@/drizzle/schema';
import { createApplicationStore } from '@/lib/db/applications';
import { createDashboardStore } from '@/lib/db/dashboard';
import { clientIdentity } from '@/lib/consent/client-identity';
import { defaultSettings } from '@/lib/oauth/settings';
import { createTestServer } from '@/lib/testing/oauth';
import { ApplicationInputError } from './rules';
import { applicationToFormValues } from './schema';
import { registerApplication, updateApplication } from './service';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
beforeAll(async () => {
  t = await createTestServer();
});

const LINKS = { logoUri: 'https://cdn.notes.example/logo.png', clientUri: 'https://notes.example', policyUri: 'https://notes.example/privacy', tosUri: 'https://notes.example/terms' };
const base = { name: 'Notes', clientType: 'confidential' as const, grantTypes: ['authorization_code' as const], redirectUris: ['https://notes.example/cb'] };

describe('an application’s logo, home page, privacy policy and terms (the dashboard’s path)', () => {
  it('register keeps them; the edit form starts from them; the consent page reads them', async () => {
    const owner = await t.user();
    const apps = createApplicationStore(t.db);
    const { application } = await registerApplication(apps, { ...base, ...LINKS, ownerId: owner.id }, defaultSettings);
    const details = await createDashboardStore(t.db).findApplicationForOwner(application.id, owner.id);
    expect(details).toMatchObject(LINKS);
    expect(applicationToFormValues(details!)).toMatchObject(LINKS);
    const [row] = await t.db.select({ metadata: applications.clientMetadata }).from(applications).where(eq(applications.id, application.id));
    expect(row!.metadata).toEqual({ logo_uri: LINKS.logoUri, client_uri: LINKS.clientUri, policy_uri: LINKS.policyUri, tos_uri: LINKS.tosUri });
    // What the consent page reads (lib/db/client-identity.ts): the links, normalised as a browser would.
    expect(clientIdentity(row!.metadata)).toEqual({ ...LINKS, clientUri: 'https://notes.example/' });
  });

  it('update: a cleared field removes its link, the others stay; another owner changes nothing', async () => {
    const owner = await t.user();
    const stranger = await t.user();
    const apps = createApplicationStore(t.db);
    const { application } = await registerApplication(apps, { ...base, ...LINKS, ownerId: owner.id }, defaultSettings);
    expect(await updateApplication(apps, { id: application.id, ownerId: stranger.id }, { logoUri: '' }, defaultSettings)).toBeNull();
    await updateApplication(apps, { id: application.id, ownerId: owner.id }, { ...LINKS, tosUri: '', logoUri: 'https://cdn.notes.example/v2.svg' }, defaultSettings);
    expect(await apps.findApplication({ clientId: application.clientId })).toMatchObject({ ...LINKS, logoUri: 'https://cdn.notes.example/v2.svg', tosUri: null });
  });

  it('the rule refuses an http link before anything is written, naming the field', async () => {
    const owner = await t.user();
    const apps = createApplicationStore(t.db);
    const refused = registerApplication(apps, { ...base, clientUri: 'http://notes.example', ownerId: owner.id }, defaultSettings);
    await expect(refused).rejects.toBeInstanceOf(ApplicationInputError);
    await expect(refused).rejects.toMatchObject({ field: 'clientUri', message: 'must use https' });
    const { application } = await registerApplication(apps, { ...base, ...LINKS, ownerId: owner.id }, defaultSettings);
    await expect(updateApplication(apps, { id: application.id, ownerId: owner.id }, { name: 'Renamed', policyUri: 'http://notes.example/privacy' }, defaultSettings)).rejects.toMatchObject({
      field: 'policyUri',
    });
    expect(await apps.findApplication({ clientId: application.clientId })).toMatchObject({ name: 'Notes', policyUri: LINKS.policyUri });
  });
});
