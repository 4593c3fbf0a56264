import { randomBytes } from 'node:crypto';

/** A random client_id: 160 bits, URL-safe. */
export function newClientId(): string {
  return randomBytes(20).toString('base64url');
}
