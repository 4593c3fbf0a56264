/**
 * The console's searches (/admin/users, /admin/applications): case-insensitive "contains", and
 * what an operator types is literal text (`%` and `_` are not wildcards).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestServer } from '@/lib/testing/oauth';
import { searchApplications } from './admin-applications';
import { searchUsers } from './admin-users';

type T = Awaited<ReturnType<typeof createTestServer>>;
let t: T;
beforeAll(async () => {
  t = await createTestServer();
});

describe('console search', () => {
  it('users by email or name, case-insensitive; % and _ match only themselves', async () => {
    const plain = await t.user('ab-cd@example.com');
    const underscore = await t.user('ab_cd@example.com');
    const percent = await t.user('100%sure@example.com');
    const emails = async (q: string) => (await searchUsers(t.db, q, 0, 50)).rows.map((r) => r.email);
    expect(await emails('AB-CD@')).toEqual([plain.email]);
    expect(await emails('ab_cd')).toEqual([underscore.email]);
    expect(await emails('0%s')).toEqual([percent.email]);
    expect(await emails('%')).toEqual([percent.email]);
    const page = await searchUsers(t.db, 'ab', 0, 1);
    expect(page).toMatchObject({ total: 2, rows: [expect.objectContaining({ email: expect.stringMatching(/^ab/) })] });
  });

  it('applications by name or client_id; _ is literal', async () => {
    const a = await t.application({ name: 'Photo_Printer' });
    await t.application({ name: 'PhotoXPrinter' });
    const found = await searchApplications(t.db, 'photo_p', 0, 50);
    expect(found.rows.map((r) => r.id)).toEqual([a.id]);
    expect((await searchApplications(t.db, a.clientId, 0, 50)).rows.map((r) => r.id)).toEqual([a.id]);
  });
});
