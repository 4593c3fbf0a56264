/**
 * RFC 7523 / OIDC Core §9 client_secret_jwt: the client signs its assertion with HMAC keyed by
 * the UTF-8 octets of its client secret. Every other method keeps only a digest of the secret;
 * an application registered for this one also keeps the secret sealed (AES-256-GCM, a key of
 * its own purpose), since an HMAC can only be checked with the secret itself. Only HS256: the
 * one algorithm OIDC Core requires, and the only one the issue asks for.
 */
import type { ClientRecord } from './store';

export const CLIENT_SECRET_JWT = 'client_secret_jwt';
export const HMAC_ASSERTION_ALGS = ['HS256'] as const;

export interface ClientSecretSealer {
  seal(secret: string): string;
  /** Throws when the value was sealed under another key (the server's key changed) or altered. */
  unseal(sealed: string): string;
}

/**
 * The secrets an HMAC assertion may be keyed with now: the current one, and during a rotation's
 * overlap the previous one. Empty when the application keeps none sealed (registered before it
 * chose client_secret_jwt and not rotated since) or the server's key changed.
 */
export function hmacSecrets(client: ClientRecord, sealer: ClientSecretSealer, now: Date): string[] {
  const open = (sealed: string | null | undefined) => {
    if (!sealed) return null;
    try {
      return sealer.unseal(sealed);
    } catch {
      return null;
    }
  };
  const overlapping = !!client.previousSecretExpiresAt && client.previousSecretExpiresAt.getTime() > now.getTime();
  return [open(client.clientSecretSealed), overlapping ? open(client.previousSecretSealed) : null].filter((s): s is string => !!s);
}
