/**
 * The engine's events, written to the audit trail. The engine knows nothing of it (it only
 * emits on the bus, lib/server/events.ts); this subscriber turns the events a person or an
 * operator would ask about into rows:
 *
 *   app_authorized        → consent.granted   (actor: the user; scopes)
 *   authorization_denied  → consent.denied    (actor: the user; scopes)
 *   token_revoked         → token.revoked     (by the client at /o/revoke_token, or by reuse detection)
 *   grant_revoked         → token.revoked     (by the user in the dashboard, an operator, a deletion: once per act)
 *   client_registered     → client.registered (RFC 7591, client ID metadata documents)
 *   rate_limited          → rate_limit.lockout (account and failed-authentication limits only, at most once a minute per limit)
 *
 * Not stored per request: token issuance and token_authenticated (metrics count them), failed
 * client authentication (a metric and the request log), which an attacker could otherwise use to
 * fill the table.
 */
import type { EventBus, OAuthEvents } from '@/lib/oauth/events';
import type { ClientRecord, UserRecord } from '@/lib/oauth/store';
import { recordAudit, trackAudit, type AuditInput } from './index';

export interface AuditLookups {
  findUserById(id: string): Promise<UserRecord | null>;
  findApplicationByClientId(clientId: string): Promise<ClientRecord | null>;
}

const LOCKOUT_LIMITS = /(_account|_failures_ip)$/;
const LOCKOUT_EVERY_MS = 60_000;

export function auditEngineEvents(events: EventBus, lookups: () => Promise<AuditLookups>, write: (e: AuditInput) => Promise<void> = recordAudit): () => void {
  const userLabel = async (id: string | null | undefined) => (id ? ((await (await lookups()).findUserById(id))?.email ?? null) : null);
  const appName = async (clientId: string) => (await (await lookups()).findApplicationByClientId(clientId))?.name ?? null;
  const lastLockout = new Map<string, number>();
  // Each listener's lookups and write count as one audit write in flight (flushAudit waits for them).
  const on = <E extends keyof OAuthEvents>(event: E, listener: (e: OAuthEvents[E]) => Promise<void>) =>
    events.on(event, (e) => {
      void trackAudit(listener(e).catch((err: unknown) => console.error(`audit: ${event} not recorded:`, err instanceof Error ? err.message : err)));
    });

  // Granted and denied read the same: the user, the application, the scopes.
  const consent = async (type: string, e: OAuthEvents['app_authorized'] | OAuthEvents['authorization_denied']) =>
    write({
      type,
      actor: { type: 'user', id: e.userId, label: await userLabel(e.userId) },
      userId: e.userId,
      clientId: e.clientId,
      detail: { scope: e.scope.join(' '), application: await appName(e.clientId) },
    });

  const off = [
    on('app_authorized', (e) => consent('consent.granted', e)),
    on('authorization_denied', (e) => consent('consent.denied', e)),
    on('token_revoked', async (e) => {
      if (e.source) return; // announced once as grant_revoked
      const name = await appName(e.clientId);
      await write({
        type: 'token.revoked',
        actor: e.reason ? { type: 'system', label: 'reuse detection' } : { type: 'application', id: e.clientId, label: name },
        userId: e.userId ?? null,
        clientId: e.clientId,
        detail: { by: e.reason ?? 'client', tokenType: e.tokenType, application: name },
      });
    }),
    on('grant_revoked', async (e) => {
      if (e.accessTokens + e.refreshTokens === 0 && e.source !== 'user') return;
      await write({
        type: 'token.revoked',
        actor: e.source === 'user' ? { type: 'user', id: e.userId, label: await userLabel(e.userId) } : { type: e.source === 'operator' ? 'operator' : 'system' },
        userId: e.userId,
        clientId: e.clientId,
        detail: { by: e.source, ...(e.reason && { reason: e.reason }), accessTokens: e.accessTokens, refreshTokens: e.refreshTokens, application: await appName(e.clientId) },
      });
    }),
    on('client_registered', async (e) => {
      await write({
        type: 'client.registered',
        actor: { type: 'application', id: e.clientId, label: await appName(e.clientId) },
        clientId: e.clientId,
        detail: { via: e.via },
      });
    }),
    on('rate_limited', async (e) => {
      if (!LOCKOUT_LIMITS.test(e.limit)) return;
      const now = Date.now();
      if (now - (lastLockout.get(e.limit) ?? 0) < LOCKOUT_EVERY_MS) return;
      lastLockout.set(e.limit, now);
      await write({ type: 'rate_limit.lockout', actor: { type: 'system' }, detail: { limit: e.limit } });
    }),
  ];
  return () => off.forEach((f) => f());
}
