/**
 * Mail waits in the queue's table (pg-boss) until delivered, and a reset or verification link
 * in it is as good as a password. So the job holds the message sealed with AES-256-GCM under a
 * key derived from AUTH_SECRET: a database dump or backup does not reveal live links, as the
 * account_tokens table itself holds only digests.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export interface Sealed {
  /** base64url of iv (12) ‖ ciphertext ‖ tag (16). */
  sealed: string;
}

/**
 * Seals and unseals under `secret`. The key is derived (HKDF) once, here, not per message: the
 * queue builds one sealer when it starts.
 */
export function mailSealer(secret: string) {
  const key = Buffer.from(hkdfSync('sha256', secret, 'oauth-server', 'mail-queue v1', 32));
  return {
    seal(value: unknown): Sealed {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
      return { sealed: Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url') };
    },
    /** Throws when the data was sealed under another secret or altered. */
    unseal<T>(data: Sealed): T {
      const raw = Buffer.from(data.sealed, 'base64url');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAuthTag(raw.subarray(raw.length - 16));
      const text = Buffer.concat([decipher.update(raw.subarray(12, raw.length - 16)), decipher.final()]).toString('utf8');
      return JSON.parse(text) as T;
    },
  };
}
