/**
 * The sealers of issue 22, one key per purpose, derived from OAUTH2_ENCRYPTION_KEY (or
 * AUTH_SECRET when unset):
 * - authenticator-app secrets at rest (totp_factors.secret_sealed): a database dump alone does
 *   not give them away;
 * - sign-in challenges (the half-finished sign-in between the password and the code, and the
 *   passkey challenge): kept by the browser, useless to alter or to reuse elsewhere.
 */
import { sealer, type Sealer } from '@/lib/crypto/sealer';
import { authSecret } from '@/lib/auth/secret';
import { getSettings } from '@/lib/config/settings';

const cache = new Map<string, Sealer>();

function sealerFor(info: string): Sealer {
  let s = cache.get(info);
  if (!s) {
    s = sealer(getSettings().factors.encryptionKey ?? authSecret(), info);
    cache.set(info, s);
  }
  return s;
}

export const totpSealer = () => sealerFor('totp-secret v1');
export const challengeSealer = () => sealerFor('sign-in-challenge v1');
