/**
 * RFC 7523 client_secret_jwt: the sealer for the secrets of applications registered for it
 * (applications.client_secret_sealed). AES-256-GCM under a key derived from
 * OAUTH2_ENCRYPTION_KEY (or AUTH_SECRET when unset) for this purpose alone, as the
 * authenticator-app secrets (lib/factors/sealing.ts). Every other client secret is kept only
 * as its SHA-256 digest. Changing the key makes sealed secrets unusable: such clients then
 * need a new secret (rotate it), which the refusal says.
 */
import { sealer, type Sealer } from '@/lib/crypto/sealer';
import { authSecret } from '@/lib/auth/secret';
import { getSettings } from '@/lib/config/settings';
import type { ClientSecretSealer } from '@/lib/oauth/client-secret-jwt';

let cached: Sealer | undefined;

export function clientSecretSealer(): ClientSecretSealer {
  cached ??= sealer(getSettings().factors.encryptionKey ?? authSecret(), 'client-secret v1');
  const s = cached;
  return { seal: (secret) => s.seal(secret), unseal: (sealed) => s.unseal<string>(sealed) };
}
