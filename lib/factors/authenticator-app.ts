/**
 * Setting up, checking and removing an authenticator app, and its recovery codes. The rules
 * only: the store (lib/db/factors.ts), the sealer (lib/factors/sealing.ts) and the time come in,
 * so a database test drives them directly. Who may call them (a recent sign-in) is the account
 * page's concern (lib/factors/recent-sign-in.ts).
 */
import type { Sealer } from '@/lib/crypto/sealer';
import type { FactorStore } from '@/lib/db/factors';
import { newRecoveryCodes, recoveryCodeDigest } from './recovery-codes';
import { matchTotp, newTotpSecret, totpUri } from './totp';

type Store = Pick<FactorStore, 'findTotp' | 'startTotp' | 'useTotpStep' | 'removeTotp' | 'replaceRecoveryCodes' | 'useRecoveryCode'>;

export interface FactorDeps {
  store: Store;
  sealer: Sealer;
  now: Date;
}

/** Step 1: a new secret, stored sealed and unconfirmed; the URI for the QR code and the secret as text. */
export async function beginTotpEnrolment(deps: FactorDeps, user: { id: string; email: string }, issuerName: string) {
  const existing = await deps.store.findTotp(user.id);
  if (existing?.confirmedAt) return { ok: false as const, reason: 'already_set_up' as const, message: 'An authenticator app is already set up. Remove it first to set up another.' };
  const secret = newTotpSecret();
  await deps.store.startTotp(user.id, deps.sealer.seal(secret), deps.now);
  return { ok: true as const, secret, uri: totpUri(secret, user.email, issuerName) };
}

/** The pending (unconfirmed) secret, to show again while the person finishes setting up. */
export async function pendingTotpSecret(deps: FactorDeps, userId: string): Promise<string | null> {
  const row = await deps.store.findTotp(userId);
  if (!row || row.confirmedAt) return null;
  return openSecret(deps.sealer, row.secretSealed);
}

function openSecret(sealer: Sealer, sealed: string): string | null {
  try {
    return sealer.unseal<string>(sealed);
  } catch {
    return null; // sealed under another key (OAUTH2_ENCRYPTION_KEY changed): unusable
  }
}

/**
 * Step 2: the first code from the app confirms it; the ten recovery codes are made then and
 * returned to be shown once.
 */
export async function confirmTotpEnrolment(deps: FactorDeps, userId: string, code: string) {
  const row = await deps.store.findTotp(userId);
  if (!row || row.confirmedAt) return { ok: false as const, reason: 'start_again' as const, message: 'Start setting up the authenticator app again.' };
  const secret = openSecret(deps.sealer, row.secretSealed);
  const step = secret ? matchTotp(secret, code, deps.now.getTime(), row.lastUsedStep) : null;
  if (step === null || !(await deps.store.useTotpStep(userId, step, deps.now, true))) {
    return { ok: false as const, reason: 'wrong_code' as const, message: 'That code is not right. Check the time on your phone and enter the current code.' };
  }
  return { ok: true as const, recoveryCodes: await regenerateRecoveryCodes(deps, userId) };
}

/** Ten new recovery codes; the old ones stop working. */
export async function regenerateRecoveryCodes(deps: Pick<FactorDeps, 'store' | 'now'>, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await deps.store.replaceRecoveryCodes(userId, codes.map((c) => recoveryCodeDigest(c)!), deps.now);
  return codes;
}

/** The second step's check of an authenticator-app code: single use within its window. */
export async function verifyTotp(deps: FactorDeps, userId: string, code: string): Promise<boolean> {
  const row = await deps.store.findTotp(userId);
  if (!row?.confirmedAt) return false;
  const secret = openSecret(deps.sealer, row.secretSealed);
  const step = secret ? matchTotp(secret, code, deps.now.getTime(), row.lastUsedStep) : null;
  return step !== null && (await deps.store.useTotpStep(userId, step, deps.now));
}

/** The second step's check of a recovery code: each works once. */
export async function verifyRecoveryCode(deps: Pick<FactorDeps, 'store' | 'now'>, userId: string, code: string): Promise<boolean> {
  const d = recoveryCodeDigest(code);
  return d !== null && (await deps.store.useRecoveryCode(userId, d, deps.now));
}
