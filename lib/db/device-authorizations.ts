/**
 * The engine's Store, RFC 8628 part: device authorizations, looked up by the digests of their
 * two codes. createStore (engine-store.ts) composes it; nothing else calls it.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { applications, deviceAuthorizations } from '@/drizzle/schema';
import type { DeviceAuthorizationRecord, DeviceAuthorizationStore } from '@/lib/oauth/store';
import type { Db } from './types';

const recordColumns = {
  id: deviceAuthorizations.id,
  applicationId: deviceAuthorizations.applicationId,
  scope: deviceAuthorizations.scope,
  resources: deviceAuthorizations.resources,
  status: deviceAuthorizations.status,
  userId: deviceAuthorizations.userId,
  sessionId: deviceAuthorizations.sessionId,
  authTime: deviceAuthorizations.authTime,
  authMethods: deviceAuthorizations.authMethods,
  acr: deviceAuthorizations.acr,
  interval: deviceAuthorizations.interval,
  expiresAt: deviceAuthorizations.expiresAt,
  consumedAt: deviceAuthorizations.consumedAt,
};

/** RFC 8628 §3.5: the extra wait each too-early poll adds. */
const SLOW_DOWN_SECONDS = 5;

export function createDeviceAuthorizationStore(db: Db): DeviceAuthorizationStore {
  return {
    async createDeviceAuthorization(d) {
      const rows = await db.insert(deviceAuthorizations).values(d).onConflictDoNothing().returning({ id: deviceAuthorizations.id });
      return rows.length > 0;
    },

    async pollDeviceAuthorization(deviceCodeDigest, applicationId, now) {
      // Under the row's lock, so two polls racing each other both see the other's timestamp.
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ ...recordColumns, lastPolledAt: deviceAuthorizations.lastPolledAt })
          .from(deviceAuthorizations)
          .where(and(eq(deviceAuthorizations.deviceCodeDigest, deviceCodeDigest), eq(deviceAuthorizations.applicationId, applicationId)))
          .for('update');
        if (!row) return null;
        const { lastPolledAt, ...record } = row;
        const tooFast = record.status === 'pending' && lastPolledAt !== null && now.getTime() - lastPolledAt.getTime() < record.interval * 1000;
        const interval = tooFast ? record.interval + SLOW_DOWN_SECONDS : record.interval;
        await tx.update(deviceAuthorizations).set({ lastPolledAt: now, interval }).where(eq(deviceAuthorizations.id, record.id));
        return { record: { ...record, interval } as DeviceAuthorizationRecord, tooFast };
      });
    },

    async consumeDeviceAuthorization(id, now) {
      const rows = await db
        .update(deviceAuthorizations)
        .set({ consumedAt: now })
        .where(and(eq(deviceAuthorizations.id, id), eq(deviceAuthorizations.status, 'approved'), isNull(deviceAuthorizations.consumedAt)))
        .returning({ id: deviceAuthorizations.id });
      return rows.length > 0;
    },

    async findPendingDeviceAuthorization(userCodeDigest, now) {
      const [row] = await db
        .select({ ...recordColumns, clientId: applications.clientId })
        .from(deviceAuthorizations)
        .innerJoin(applications, eq(applications.id, deviceAuthorizations.applicationId))
        .where(and(eq(deviceAuthorizations.userCodeDigest, userCodeDigest), eq(deviceAuthorizations.status, 'pending'), gt(deviceAuthorizations.expiresAt, now)))
        .limit(1);
      return (row as (DeviceAuthorizationRecord & { clientId: string }) | undefined) ?? null;
    },

    async decideDeviceAuthorization(userCodeDigest, decision, now) {
      // Only a pending, unexpired one: a second decision (another tab, a replayed form) changes nothing.
      const [row] = await db
        .update(deviceAuthorizations)
        .set({
          status: decision.status,
          scope: decision.scope,
          userId: decision.userId,
          sessionId: decision.sessionId,
          authTime: decision.authTime,
          authMethods: decision.authMethods ?? null,
          acr: decision.acr ?? null,
        })
        .where(and(eq(deviceAuthorizations.userCodeDigest, userCodeDigest), eq(deviceAuthorizations.status, 'pending'), gt(deviceAuthorizations.expiresAt, now)))
        .returning(recordColumns);
      return (row as DeviceAuthorizationRecord | undefined) ?? null;
    },
  };
}
