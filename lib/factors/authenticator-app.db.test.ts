/**
 * Authenticator apps and recovery codes on the database: the secret sealed at rest, codes
 * single use (also when two arrive at once), recovery codes single use, new codes replace old.
 */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { totpFactors } from '@/drizzle/schema';
import { sealer } from '@/lib/crypto/sealer';
import { createFactorStore } from '@/lib/db/factors';
import { createTestServer } from '@/lib/testing/oauth';
import { beginTotpEnrolment, confirmTotpEnrolment, regenerateRecoveryCodes, verifyRecoveryCode, verifyTotp } from './authenticator-app';
import { totpCode } from './totp';

const t = await createTestServer();
const store = createFactorStore(t.db);
const box = sealer('a test secret of at least thirty-two characters', 'totp-secret v1');
const deps = (now = t.now()) => ({ store, sealer: box, now });

async function enrolled() {
  const user = await t.user();
  const begun = await beginTotpEnrolment(deps(), user, 'Test ID');
  if (!begun.ok) throw new Error(begun.message);
  const confirmed = await confirmTotpEnrolment(deps(), user.id, totpCode(begun.secret, t.now().getTime()));
  if (!confirmed.ok) throw new Error(confirmed.message);
  return { user, secret: begun.secret, codes: confirmed.recoveryCodes };
}

describe('authenticator app enrolment', () => {
  it('stores the secret sealed (never in plain text) and unconfirmed until the first code', async () => {
    const user = await t.user();
    const begun = await beginTotpEnrolment(deps(), user, 'Test ID');
    expect(begun.ok).toBe(true);
    if (!begun.ok) return;
    const [row] = await t.db.select().from(totpFactors).where(eq(totpFactors.userId, user.id));
    expect(row!.secretSealed).not.toContain(begun.secret);
    expect(row!.confirmedAt).toBeNull();
    expect(await verifyTotp(deps(), user.id, totpCode(begun.secret, t.now().getTime()))).toBe(false); // not confirmed yet
    const wrong = await confirmTotpEnrolment(deps(), user.id, '000000');
    expect(wrong.ok).toBe(false);
    const ok = await confirmTotpEnrolment(deps(), user.id, totpCode(begun.secret, t.now().getTime()));
    expect(ok.ok && ok.recoveryCodes).toHaveLength(10);
  });

  it('a confirmed app cannot be replaced by starting again', async () => {
    const { user } = await enrolled();
    const again = await beginTotpEnrolment(deps(), user, 'Test ID');
    expect(again.ok).toBe(false);
  });
});

describe('the second step', () => {
  it('RFC 6238 §5.2: the code used to confirm cannot be used again to sign in; the next one can', async () => {
    const { user, secret } = await enrolled();
    const now = t.now().getTime();
    expect(await verifyTotp(deps(), user.id, totpCode(secret, now))).toBe(false);
    expect(await verifyTotp(deps(new Date(now + 30_000)), user.id, totpCode(secret, now + 30_000))).toBe(true);
    expect(await verifyTotp(deps(new Date(now + 30_000)), user.id, totpCode(secret, now + 30_000))).toBe(false);
  });

  it('two simultaneous submissions of one code: exactly one passes', async () => {
    const { user, secret } = await enrolled();
    const later = new Date(t.now().getTime() + 60_000);
    const code = totpCode(secret, later.getTime());
    const results = await Promise.all([verifyTotp(deps(later), user.id, code), verifyTotp(deps(later), user.id, code)]);
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('a recovery code works once; new codes invalidate the old ones', async () => {
    const { user, codes } = await enrolled();
    expect(await verifyRecoveryCode(deps(), user.id, codes[0]!)).toBe(true);
    expect(await verifyRecoveryCode(deps(), user.id, codes[0]!)).toBe(false);
    expect(await store.countUnusedRecoveryCodes(user.id)).toBe(9);
    const fresh = await regenerateRecoveryCodes(deps(), user.id);
    expect(await verifyRecoveryCode(deps(), user.id, codes[1]!)).toBe(false);
    expect(await verifyRecoveryCode(deps(), user.id, fresh[0]!.toUpperCase())).toBe(true);
  });

  it("one person's recovery code does not work for another", async () => {
    const a = await enrolled();
    const b = await enrolled();
    expect(await verifyRecoveryCode(deps(), b.user.id, a.codes[0]!)).toBe(false);
  });

  it('removing the app removes its recovery codes', async () => {
    const { user, codes } = await enrolled();
    expect(await store.removeTotp(user.id)).toBe(true);
    expect(await verifyRecoveryCode(deps(), user.id, codes[0]!)).toBe(false);
    expect(await store.findTotp(user.id)).toBeNull();
  });
});
