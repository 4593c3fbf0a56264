/**
 * Mail waits in the queue's table (pg-boss) until delivered, and a reset or verification link
 * in it is as good as a password. So the job holds the message sealed with AES-256-GCM under a
 * key derived from AUTH_SECRET: a database dump or backup does not reveal live links, as the
 * account_tokens table itself holds only digests.
 */
import { sealer, type Sealed } from '@/lib/crypto/sealer';

export type { Sealed } from '@/lib/crypto/sealer';

/** Seals and unseals under `secret` (the queue builds one sealer when it starts). */
export function mailSealer(secret: string) {
  const box = sealer(secret, 'mail-queue v1');
  return {
    seal: (value: unknown): Sealed => ({ sealed: box.seal(value) }),
    /** Throws when the data was sealed under another secret or altered. */
    unseal: <T>(data: Sealed): T => box.unseal<T>(data.sealed),
  };
}
