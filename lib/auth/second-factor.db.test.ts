/**
 * The second step (issue 22) on the database: a sealed challenge from the password step plus a
 * code; expired or altered challenges, wrong codes counted per account (the failed-sign-in
 * limit), and the amr the session gets.
 */
import { describe, expect, it } from 'vitest';
import { sealer } from '@/lib/crypto/sealer';
import { createFactorStore } from '@/lib/db/factors';
import { beginTotpEnrolment, confirmTotpEnrolment } from '@/lib/factors/authenticator-app';
import { CHALLENGE_TTL_SECONDS, sealChallenge } from '@/lib/factors/challenge';
import { totpCode } from '@/lib/factors/totp';
import { createRateLimits } from '@/lib/rate-limit/limiter';
import { parseRateLimitSettings } from '@/lib/rate-limit/settings';
import { createTestServer } from '@/lib/testing/oauth';
import { completeSecondFactor } from './second-factor';

const t = await createTestServer();
const factors = createFactorStore(t.db);
const SECRET = 'a test secret of at least thirty-two characters';
const challengeSealer = sealer(SECRET, 'sign-in-challenge v1');
const totpSealer = sealer(SECRET, 'totp-secret v1');
const limits = createRateLimits(parseRateLimitSettings({ OAUTH2_RATE_LIMIT_SIGNIN_ACCOUNT: '3/900' }), { kind: 'memory' })!;
const nowSec = () => Math.floor(t.now().getTime() / 1000);
const deps = (now = t.now()) => ({ store: t.store, factors, challengeSealer, totpSealer, limits, now });

async function enrolled() {
  const user = await t.user();
  const begun = await beginTotpEnrolment({ store: factors, sealer: totpSealer, now: t.now() }, user, 'Test');
  if (!begun.ok) throw new Error('enrol');
  const done = await confirmTotpEnrolment({ store: factors, sealer: totpSealer, now: t.now() }, user.id, totpCode(begun.secret, t.now().getTime()));
  if (!done.ok) throw new Error('confirm');
  return { user, secret: begun.secret, codes: done.recoveryCodes };
}

describe('the second step', () => {
  it('a right code after the password: signed in with amr pwd, otp, mfa', async () => {
    const { user, secret } = await enrolled();
    const later = new Date(t.now().getTime() + 30_000);
    const r = await completeSecondFactor(deps(later), sealChallenge(challengeSealer, user.id, ['pwd'], nowSec()), 'totp', totpCode(secret, later.getTime()));
    expect(r).toMatchObject({ outcome: 'signed_in', authMethods: ['pwd', 'otp', 'mfa'] });
  });

  it('a recovery code works the same way, once', async () => {
    const { user, codes } = await enrolled();
    const challenge = sealChallenge(challengeSealer, user.id, ['pwd'], nowSec());
    expect((await completeSecondFactor(deps(), challenge, 'recovery', codes[3]!)).outcome).toBe('signed_in');
    expect((await completeSecondFactor(deps(), challenge, 'recovery', codes[3]!)).outcome).toBe('wrong_code');
  });

  it('an expired, altered or foreign challenge: start again with the password', async () => {
    const { user, secret } = await enrolled();
    const old = sealChallenge(challengeSealer, user.id, ['pwd'], nowSec() - CHALLENGE_TTL_SECONDS - 1);
    expect((await completeSecondFactor(deps(), old, 'totp', totpCode(secret, t.now().getTime()))).outcome).toBe('expired');
    const foreign = sealChallenge(sealer('another secret of at least thirty-two chars', 'sign-in-challenge v1'), user.id, ['pwd'], nowSec());
    expect((await completeSecondFactor(deps(), foreign, 'totp', '123456')).outcome).toBe('expired');
    // A TOTP secret's sealer is another key: its output is no challenge.
    expect((await completeSecondFactor(deps(), totpSealer.seal({ uid: user.id, methods: ['pwd'], exp: nowSec() + 60, use: 'second-factor' }), 'totp', '1')).outcome).toBe('expired');
    expect((await completeSecondFactor(deps(), 'garbage', 'totp', '123456')).outcome).toBe('expired');
  });

  it('wrong codes are limited per account; a right code then waits too, and the recovery codes are untouched', async () => {
    const { user, secret, codes } = await enrolled();
    const challenge = sealChallenge(challengeSealer, user.id, ['pwd'], nowSec());
    for (let i = 0; i < 3; i++) expect((await completeSecondFactor(deps(), challenge, 'totp', '000000')).outcome).toBe('wrong_code');
    const later = new Date(t.now().getTime() + 30_000);
    const refused = await completeSecondFactor(deps(later), challenge, 'totp', totpCode(secret, later.getTime()));
    expect(refused).toMatchObject({ outcome: 'rate_limited', limit: 'signin_account' });
    expect(await factors.countUnusedRecoveryCodes(user.id)).toBe(codes.length);
    // Another account is not affected.
    const other = await enrolled();
    const ok = await completeSecondFactor(deps(later), sealChallenge(challengeSealer, other.user.id, ['pwd'], nowSec()), 'totp', totpCode(other.secret, later.getTime()));
    expect(ok.outcome).toBe('signed_in');
  });
});
