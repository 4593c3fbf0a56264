/**
 * Issue 15 item 1: "Skip authorization" is for operators only. A developer's register and edit
 * server actions, posted by hand with skipAuthorization=on, must not set it, so a stranger's
 * application can never send a signed-in victim straight back with a code.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setAuditDatabase } from '@/lib/audit';
import { createApplicationStore } from '@/lib/db/applications';
import { createDashboardStore } from '@/lib/db/dashboard';
import { BASE, createTestServer, get } from '@/lib/testing/oauth';

type T = Awaited<ReturnType<typeof createTestServer>>;
const state: { t?: T; userId?: string } = {};

vi.mock('@/lib/auth', () => ({ requireUser: async () => ({ id: state.userId, email: 'dev@example.com' }) }));
vi.mock('@/lib/db', () => ({
  getApplicationStore: async () => createApplicationStore(state.t!.db),
  getDashboardStore: async () => createDashboardStore(state.t!.db),
}));
vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
  redirect: (to: string) => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  },
}));

const { registerApplication } = await import('@/app/o/(dashboard)/applications/register/actions');
const { updateApplication } = await import('@/app/o/(dashboard)/applications/[id]/update/actions');

const CB = 'https://evil.example/cb';

function craftedForm(): FormData {
  const fd = new FormData();
  fd.set('name', 'Totally legit');
  fd.set('clientType', 'confidential');
  fd.append('grantTypes', 'authorization_code');
  fd.set('redirectUris', CB);
  fd.set('algorithm', '');
  // The form's scope checklist (issue 19), as the dashboard page sends it.
  fd.append('allowedScopes', 'read');
  fd.append('allowedScopes', 'write');
  fd.set('skipAuthorization', 'on');
  return fd;
}

beforeAll(async () => {
  state.t = await createTestServer();
  // The actions record application.created/updated: into the test database.
  setAuditDatabase(state.t.db);
  state.userId = (await state.t.user()).id;
});

afterAll(() => setAuditDatabase(null));

describe('issue 15 item 1: only operators may skip the consent page', () => {
  it('a crafted register POST with skipAuthorization=on stores an application that still asks for consent', async () => {
    const t = state.t!;
    const result = await registerApplication(null, craftedForm());
    expect(result).toMatchObject({ ok: true });
    const clientId = (result as { clientId: string }).clientId;
    expect((await t.store.findApplicationByClientId(clientId))!.skipAuthorization).toBe(false);

    // The victim, signed in, opens the attacker's link: the consent page, not the attacker's URI with a code.
    const victim = await t.user();
    t.signIn(victim.id);
    const res = await t.server.authorize(get('/o/authorize', { response_type: 'code', client_id: clientId, scope: 'read write', state: 's' }));
    const location = new URL(res.headers.get('location')!, BASE);
    expect(location.pathname).toBe('/o/consent');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('a crafted edit POST neither sets the flag nor clears one an operator set', async () => {
    const t = state.t!;
    const dashboard = createDashboardStore(t.db);
    const mine = await t.application({ ownerId: state.userId!, redirectUris: [CB] });
    await expect(updateApplication(mine.id, null, craftedForm())).rejects.toMatchObject({ message: 'NEXT_REDIRECT' });
    expect((await dashboard.findApplicationForOwner(mine.id, state.userId!))!.skipAuthorization).toBe(false);

    const trusted = await t.application({ ownerId: state.userId!, redirectUris: [CB], skipAuthorization: true });
    const fd = craftedForm();
    fd.delete('skipAuthorization');
    await expect(updateApplication(trusted.id, null, fd)).rejects.toMatchObject({ message: 'NEXT_REDIRECT' });
    expect((await dashboard.findApplicationForOwner(trusted.id, state.userId!))!.skipAuthorization).toBe(true);
  });

  it('the store never writes skip_authorization from an owner’s changes, whatever extra keys they carry', async () => {
    const t = state.t!;
    const dashboard = createDashboardStore(t.db);
    const app = await t.application({ ownerId: state.userId!, redirectUris: [CB] });
    const changes = { name: 'x', clientType: 'confidential' as const, grantTypes: ['authorization_code'], redirectUris: [CB], postLogoutRedirectUris: [], allowedOrigins: [], algorithm: '', skipAuthorization: true };
    expect(await dashboard.updateApplicationForOwner(app.id, state.userId!, changes)).toBe(true);
    expect((await dashboard.findApplicationForOwner(app.id, state.userId!))!.skipAuthorization).toBe(false);
  });
});
