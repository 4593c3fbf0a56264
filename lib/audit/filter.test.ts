import { describe, expect, it } from 'vitest';
import { auditSearch, parseAuditQuery, readAuditQuery } from './filter';

const resolve = async (email: string) => (email === 'alice@example.com' ? '11111111-1111-4111-8111-111111111111' : null);
const parse = (params: Record<string, string>) => parseAuditQuery(readAuditQuery(params), resolve);

describe('the audit filter', () => {
  it('turns an email into the user id, and takes type prefixes and an inclusive day range', async () => {
    const { filter, problems } = await parse({ user: 'Alice@Example.com', type: 'token.', from: '2026-11-01', to: '2026-11-30' });
    expect(problems).toEqual([]);
    expect(filter).toMatchObject({ userId: '11111111-1111-4111-8111-111111111111', type: 'token.' });
    expect(filter.from?.toISOString()).toBe('2026-11-01T00:00:00.000Z');
    expect(filter.to?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });

  it('gives a reason for each nonsense value instead of failing', async () => {
    const { problems } = await parse({ user: 'bob', type: "x'; drop", from: '2026-02-31', to: 'yesterday', before: '-1' });
    expect(problems).toHaveLength(5);
    expect((await parse({ user: 'nobody@example.com' })).problems[0]).toMatchObject({ key: 'problemNoAccount', values: { email: 'nobody@example.com' }, message: expect.stringMatching(/No account/) });
    expect((await parse({ from: '2026-11-30', to: '2026-11-01' })).problems[0]).toMatchObject({ key: 'problemRange', message: expect.stringMatching(/on or before/) });
  });

  it('keeps the filter in paging and export links, without the page marker', () => {
    expect(auditSearch(readAuditQuery({ user: 'a@b.c', before: '9' }), { format: 'csv' })).toBe('?user=a%40b.c&format=csv');
  });
});
