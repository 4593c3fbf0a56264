/**
 * Auth.js's 'passkey' Credentials provider (issue 22): a verified passkey assertion is a full
 * sign-in on its own (possession of the key + the person's PIN or biometric), so no second step.
 * amr: hwk (single-device key) or swk (synced), user, mfa (lib/oauth/oidc/amr.ts).
 */
import { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { recordAudit } from '@/lib/audit';
import { getStore } from '@/lib/db';
import { getFactorStore } from '@/lib/db/factors';
import { verifyPasskeySignIn } from '@/lib/factors/passkeys';
import { challengeSealer } from '@/lib/factors/sealing';
import { AccountDisabled } from './account-disabled';

/** The ceremony expired or was used already: ask the browser again. */
export class PasskeyExpired extends CredentialsSignin {
  override code = 'passkey_expired';
}

export const passkeyProvider = Credentials({
  id: 'passkey',
  name: 'Passkey',
  credentials: { ceremony: {}, response: {} },
  async authorize(input) {
    let response: unknown;
    try {
      response = typeof input.response === 'string' && input.response.length < 16_384 ? JSON.parse(input.response) : null;
    } catch {
      response = null;
    }
    const result = await verifyPasskeySignIn({ store: await getFactorStore(), sealer: challengeSealer(), now: new Date() }, input.ceremony, response);
    if (result.outcome === 'expired') throw new PasskeyExpired();
    if (result.outcome !== 'signed_in') return null;
    const user = await (await getStore()).findUserById(result.userId);
    if (!user) return null;
    if (user.disabledAt) throw new AccountDisabled();
    await recordAudit({ type: 'signin.passkey', actor: { type: 'user', id: user.id, label: user.email }, userId: user.id, detail: { amr: result.authMethods } });
    return { id: user.id, email: user.email, name: user.name, authMethods: result.authMethods };
  },
});
