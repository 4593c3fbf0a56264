/**
 * Second factors (issue 22): the authenticator app (totp_factors, its secret sealed), recovery
 * codes (digests) and passkeys. Every query names the user; the single-use rules are enforced
 * in the UPDATE itself (a step later than the last, a code not yet used), so two simultaneous
 * submissions cannot both pass.
 */
import { and, asc, count, eq, isNotNull, isNull, lt, or } from 'drizzle-orm';
import { passkeys, recoveryCodes, totpFactors, usedJtis } from '@/drizzle/schema';
import { getDb } from './client';
import { isUuid } from './sql-helpers';
import type { Db } from './types';
import { singleton } from '@/lib/runtime/singletons';

export interface TotpFactorRow {
  secretSealed: string;
  confirmedAt: Date | null;
  lastUsedStep: number | null;
}

export interface PasskeyRow {
  id: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: string | null;
  backedUp: boolean;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

export interface NewPasskey {
  userId: string;
  credentialId: string;
  publicKey: string;
  counter: number;
  transports: string[];
  deviceType: string | null;
  backedUp: boolean;
  name: string;
}

export function createFactorStore(db: Db) {
  return {
    async findTotp(userId: string): Promise<TotpFactorRow | null> {
      if (!isUuid(userId)) return null;
      const [row] = await db
        .select({ secretSealed: totpFactors.secretSealed, confirmedAt: totpFactors.confirmedAt, lastUsedStep: totpFactors.lastUsedStep })
        .from(totpFactors)
        .where(eq(totpFactors.userId, userId));
      return row ?? null;
    },

    /** A new, unconfirmed secret (replacing an earlier unconfirmed one; never a confirmed one). */
    async startTotp(userId: string, secretSealed: string, now: Date): Promise<boolean> {
      const rows = await db
        .insert(totpFactors)
        .values({ userId, secretSealed, createdAt: now })
        .onConflictDoUpdate({ target: totpFactors.userId, set: { secretSealed, createdAt: now, lastUsedStep: null }, setWhere: isNull(totpFactors.confirmedAt) })
        .returning({ userId: totpFactors.userId });
      return rows.length > 0;
    },

    /**
     * Records `step` as used when it is later than the last one: true if this call took it. With
     * `confirm`, also confirms a pending enrolment (and only a pending one).
     */
    async useTotpStep(userId: string, step: number, now: Date, confirm = false): Promise<boolean> {
      const later = or(isNull(totpFactors.lastUsedStep), lt(totpFactors.lastUsedStep, step));
      const state = confirm ? isNull(totpFactors.confirmedAt) : isNotNull(totpFactors.confirmedAt);
      const rows = await db
        .update(totpFactors)
        .set(confirm ? { lastUsedStep: step, confirmedAt: now } : { lastUsedStep: step })
        .where(and(eq(totpFactors.userId, userId), state, later))
        .returning({ userId: totpFactors.userId });
      return rows.length > 0;
    },

    /** Removes the authenticator app and the recovery codes that came with it. */
    async removeTotp(userId: string): Promise<boolean> {
      if (!isUuid(userId)) return false;
      return db.transaction(async (tx) => {
        const rows = await tx.delete(totpFactors).where(eq(totpFactors.userId, userId)).returning({ userId: totpFactors.userId });
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
        return rows.length > 0;
      });
    },

    /** The user's recovery codes become exactly these (the old ones stop working). */
    async replaceRecoveryCodes(userId: string, digests: string[], now: Date): Promise<void> {
      await db.transaction(async (tx) => {
        await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
        await tx.insert(recoveryCodes).values(digests.map((codeDigest) => ({ userId, codeDigest, createdAt: now })));
      });
    },

    /** Uses one recovery code: true if it existed, was unused, and this call used it. */
    async useRecoveryCode(userId: string, codeDigest: string, now: Date): Promise<boolean> {
      if (!isUuid(userId)) return false;
      const rows = await db
        .update(recoveryCodes)
        .set({ usedAt: now })
        .where(and(eq(recoveryCodes.userId, userId), eq(recoveryCodes.codeDigest, codeDigest), isNull(recoveryCodes.usedAt)))
        .returning({ id: recoveryCodes.id });
      return rows.length > 0;
    },

    async countUnusedRecoveryCodes(userId: string): Promise<number> {
      if (!isUuid(userId)) return 0;
      const [row] = await db.select({ n: count() }).from(recoveryCodes).where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
      return row?.n ?? 0;
    },

    async listPasskeys(userId: string): Promise<PasskeyRow[]> {
      if (!isUuid(userId)) return [];
      return db
        .select({
          id: passkeys.id,
          credentialId: passkeys.credentialId,
          publicKey: passkeys.publicKey,
          counter: passkeys.counter,
          transports: passkeys.transports,
          deviceType: passkeys.deviceType,
          backedUp: passkeys.backedUp,
          name: passkeys.name,
          createdAt: passkeys.createdAt,
          lastUsedAt: passkeys.lastUsedAt,
        })
        .from(passkeys)
        .where(eq(passkeys.userId, userId))
        .orderBy(asc(passkeys.createdAt));
    },

    /** The passkey with this credential id and its owner, for a sign-in. */
    async findPasskeyByCredentialId(credentialId: string): Promise<(PasskeyRow & { userId: string }) | null> {
      const [row] = await db.select().from(passkeys).where(eq(passkeys.credentialId, credentialId));
      return row ?? null;
    },

    /** False when the credential is already registered (to anyone). */
    async addPasskey(p: NewPasskey, now: Date): Promise<boolean> {
      const rows = await db.insert(passkeys).values({ ...p, createdAt: now }).onConflictDoNothing().returning({ id: passkeys.id });
      return rows.length > 0;
    },

    async recordPasskeyUse(id: string, counter: number, now: Date): Promise<void> {
      await db.update(passkeys).set({ counter, lastUsedAt: now }).where(eq(passkeys.id, id));
    },

    /** The removed passkey's name, or null when it is not the user's. */
    async removePasskey(userId: string, id: string): Promise<string | null> {
      if (!isUuid(userId) || !isUuid(id)) return null;
      const rows = await db.delete(passkeys).where(and(eq(passkeys.id, id), eq(passkeys.userId, userId))).returning({ name: passkeys.name });
      return rows[0]?.name ?? null;
    },

    async countPasskeys(userId: string): Promise<number> {
      if (!isUuid(userId)) return 0;
      const [row] = await db.select({ n: count() }).from(passkeys).where(eq(passkeys.userId, userId));
      return row?.n ?? 0;
    },

    /**
     * Marks a one-time value (a WebAuthn challenge) as spent until `expiresAt`: true the first
     * time, false after. Shares used_jtis with the JWT-id replay checks, under its own prefix.
     */
    async spendOnce(key: string, expiresAt: Date, now: Date): Promise<boolean> {
      await db.delete(usedJtis).where(and(eq(usedJtis.key, key), lt(usedJtis.expiresAt, now)));
      const rows = await db.insert(usedJtis).values({ key, expiresAt }).onConflictDoNothing().returning({ key: usedJtis.key });
      return rows.length > 0;
    },
  };
}

export type FactorStore = ReturnType<typeof createFactorStore>;

export function getFactorStore(): Promise<FactorStore> {
  return singleton('factor-store', async () => createFactorStore(await getDb()));
}
