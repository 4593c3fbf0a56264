/**
 * AES-256-GCM sealing under a key derived (HKDF-SHA256) from a server secret, one key per
 * purpose (`info`), so a value sealed for one use cannot be replayed as another. The mail queue
 * seals its jobs with it; the authenticator-app secrets and the sign-in challenges of issue 22
 * use their own purposes (lib/factors/sealing.ts).
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface Sealed {
  /** base64url of iv (12) ‖ ciphertext ‖ tag (16). */
  sealed: string;
}

export interface Sealer {
  /** base64url of iv ‖ ciphertext ‖ tag of the value's JSON. */
  seal(value: unknown): string;
  /** Throws when the data was sealed under another secret or purpose, or altered. */
  unseal<T>(sealed: string): T;
}

/** The key is derived once, here, not per message. */
export function sealer(secret: string, info: string): Sealer {
  const key = Buffer.from(hkdfSync('sha256', secret, 'oauth-server', info, 32));
  return {
    seal(value) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    },
    unseal<T>(sealed: string): T {
      const raw = Buffer.from(sealed, 'base64url');
      if (raw.length < 28) throw new Error('sealed value too short');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as T;
    },
  };
}
