/**
 * Password hashing: argon2id (RFC 9106), the OWASP-recommended algorithm.
 *
 * 32 MiB, 4 passes, 1 lane: about 50 ms per hash on a small server, which keeps a stolen
 * hash expensive to guess while a sign-in stays quick. The parameters live in the PHC
 * string, so raising them later still verifies every existing hash.
 */
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // @node-rs/argon2's `Algorithm.Argon2id` (a const enum, unusable with isolatedModules)

const OPTIONS = { algorithm: ARGON2ID, memoryCost: 32 * 1024, timeCost: 4, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** True when `password` matches `passwordHash`; false for a wrong password or a malformed hash. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/**
 * A hash of a random password, verified against when the account doesn't exist, so that
 * "no such user" takes as long as "wrong password" and sign-in can't be used to list accounts.
 */
let dummy: Promise<string> | undefined;
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummy ??= hashPassword(crypto.randomUUID());
  await verifyPassword(await dummy, password);
  return false;
}

/** The engine's `verifyPassword`: a null hash (no account, or no password) costs a dummy verification. */
export function verifyPasswordOrNothing(passwordHash: string | null, password: string): Promise<boolean> {
  return passwordHash ? verifyPassword(passwordHash, password) : verifyAgainstNothing(password);
}
