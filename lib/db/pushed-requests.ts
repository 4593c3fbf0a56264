/**
 * The engine's Store, RFC 9126 part: pushed authorization requests, by the digest of their
 * request_uri. createStore (engine-store.ts) composes it; nothing else calls it.
 */
import { and, eq, gt, isNull } from 'drizzle-orm';
import { pushedAuthorizationRequests } from '@/drizzle/schema';
import type { AuthorizationRequest, PushedRequestStore } from '@/lib/oauth/store';
import type { Db } from './types';

export function createPushedRequestStore(db: Db): PushedRequestStore {
  return {
    async createPushedRequest(p) {
      await db.insert(pushedAuthorizationRequests).values(p);
    },

    async consumePushedRequest(requestUriDigest, applicationId, now) {
      const t = pushedAuthorizationRequests;
      // One statement: two browsers racing with the same request_uri cannot both get it.
      const [row] = await db
        .update(t)
        .set({ consumedAt: now })
        .where(and(eq(t.requestUriDigest, requestUriDigest), eq(t.applicationId, applicationId), isNull(t.consumedAt), gt(t.expiresAt, now)))
        .returning({ request: t.request });
      return row ? (row.request as AuthorizationRequest) : null;
    },
  };
}
