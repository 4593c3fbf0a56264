/**
 * Passkey ceremonies (issue 22) up to the authenticator: options for a discoverable, verified
 * credential with this server as the relying party; challenges single use, bound to their
 * ceremony and user; unknown (removed) credentials refused. The browser half is e2e/mfa-passkeys.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import { sealer } from '@/lib/crypto/sealer';
import { createFactorStore } from '@/lib/db/factors';
import { createTestServer } from '@/lib/testing/oauth';
import { addPasskey, registrationOptions, relyingPartyFor, signInOptions, verifyPasskeySignIn } from './passkeys';

const t = await createTestServer();
const store = createFactorStore(t.db);
const deps = () => ({ store, sealer: sealer('a test secret of at least thirty-two characters', 'sign-in-challenge v1'), now: t.now() });
const rp = relyingPartyFor('https://id.example.com', 'Example ID');

describe('passkey ceremonies', () => {
  it('the relying party is the issuer: RP ID its host name, origin its origin', () => {
    expect(relyingPartyFor('https://id.example.com/', 'X')).toEqual({ rpID: 'id.example.com', origin: 'https://id.example.com', rpName: 'X' });
    expect(relyingPartyFor('http://localhost:3000', 'X').rpID).toBe('localhost');
  });

  it('registration asks for a discoverable credential with user verification, for this RP', async () => {
    const user = await t.user();
    const { options } = await registrationOptions(deps(), rp, { id: user.id, email: user.email, name: null });
    expect(options.rp).toEqual({ name: 'Example ID', id: 'id.example.com' });
    expect(options.authenticatorSelection).toMatchObject({ residentKey: 'required', userVerification: 'required' });
    expect(options.user.name).toBe(user.email);
  });

  it("a registration ceremony is single use and only for its user; a sign-in one cannot register", async () => {
    const user = await t.user();
    const other = await t.user();
    const { ceremony } = await registrationOptions(deps(), rp, { id: user.id, email: user.email, name: null });
    expect(await addPasskey(deps(), other.id, 'Key', ceremony, {})).toEqual({ ok: false, reason: 'expired', message: expect.stringContaining('took too long') });
    const fresh = await registrationOptions(deps(), rp, { id: user.id, email: user.email, name: null });
    expect(await addPasskey(deps(), user.id, 'Key', fresh.ceremony, { id: 'x', response: {} })).toEqual({ ok: false, reason: 'unverified', message: expect.stringContaining('could not be verified') });
    expect(await addPasskey(deps(), user.id, 'Key', fresh.ceremony, {})).toEqual({ ok: false, reason: 'expired', message: expect.stringContaining('took too long') });
    const signIn = await signInOptions(deps(), rp);
    expect((await addPasskey(deps(), user.id, 'Key', signIn.ceremony, {})).ok).toBe(false);
  });

  it('sign-in: discoverable (no allowCredentials); an unknown credential is refused; the challenge is spent', async () => {
    const { options, ceremony } = await signInOptions(deps(), rp);
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.userVerification).toBe('required');
    expect(await verifyPasskeySignIn(deps(), ceremony, { id: 'unknown-credential', response: {} })).toEqual({ outcome: 'refused' });
    expect(await verifyPasskeySignIn(deps(), ceremony, { id: 'unknown-credential', response: {} })).toEqual({ outcome: 'expired' });
    expect(await verifyPasskeySignIn(deps(), 'not a ceremony', {})).toEqual({ outcome: 'expired' });
  });
});
