import { describe, expect, it } from 'vitest';
import { registrantLine } from './registrant';

describe('issue 15 item 17: the consent page never shows the owner’s email', () => {
  const owned = { ownerId: 'u1', registeredVia: 'dashboard' as const };
  it('shows the owner’s name', () => {
    expect(registrantLine(owned, { name: 'Ada Lovelace' })).toBe('Registered by Ada Lovelace');
  });
  it('without a name: "a developer on this server", not the address', () => {
    const owner = { name: null, email: 'ada@example.com' };
    expect(registrantLine(owned, owner)).toBe('Registered by a developer on this server');
    expect(registrantLine(owned, { ...owner, name: '  ' })).not.toContain('@');
    expect(registrantLine(owned, null)).toBe('Registered by a developer on this server');
  });
  it('says who else registered it', () => {
    expect(registrantLine({ ownerId: null, registeredVia: 'dashboard' }, null)).toBe('Registered by the server operator');
    expect(registrantLine({ ownerId: null, registeredVia: 'dynamic' }, null)).toMatch(/^Registered by the application itself/);
    expect(registrantLine({ ownerId: null, registeredVia: 'metadata_document' }, null)).toMatch(/^Described by its own published document/);
  });
});
