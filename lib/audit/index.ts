/**
 * The audit trail's one entry point. Never pass a token, secret, code or password in `detail`
 * (keys with those names are dropped anyway).
 *
 * recordAudit writes one audit_events row (drizzle/schema/) right after the change it
 * records. It never throws: a failed write is logged and counted (audit_write_failures_total),
 * so the action that succeeded is not reported as failed. The request's id, client address and
 * user agent come from the request context (server.mjs) when the caller does not pass them.
 */
import { insertAuditEvent } from '@/lib/db/audit';
import { openedServerDatabase } from '@/lib/db/client';
import type { Db } from '@/lib/db/types';
import { auditWriteFailures } from '@/lib/observability/metrics';
import { requestContext } from '@/lib/observability/request-context';
import { getSettings } from '@/lib/config/settings';
import { addressFrom } from './address';
import { singleton } from '@/lib/runtime/singletons';

export interface AuditInput {
  /** e.g. 'password.reset', 'password.changed', 'session.ended', 'email.changed', 'account.deleted'. */
  type: string;
  actor: { type: 'user' | 'application' | 'operator' | 'system'; id?: string | null; label?: string | null };
  userId?: string | null;
  clientId?: string | null;
  /** Short machine-readable facts: scopes, counts, reasons. */
  detail?: Record<string, unknown>;
  /** From the request when there is one. */
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

type DatabaseSource = () => Promise<Db>;
const target = () => singleton<{ source?: DatabaseSource }>('audit-database', () => ({}));

/** The server's database by default; `manage` and tests write to the database they opened. */
export function setAuditDatabase(db: Db | null): void {
  target().source = db ? async () => db : undefined;
}

/**
 * The configured database, else the server's once it is open (instrumentation.ts opens it at
 * start). Never opens one itself: a test or a command that did not say where to write must not
 * open the embedded database a second time.
 */
async function database(): Promise<Db> {
  const source = target().source;
  if (source) return source();
  const opened = openedServerDatabase();
  if (!opened) throw new Error('no database is open for the audit trail (setAuditDatabase)');
  return opened.db;
}

/** Detail keys that could carry a credential; dropped whatever the caller meant. */
const SECRET_KEY = /^(token|access_token|refresh_token|id_token|code|code_verifier|secret|client_secret|password|new_password|otp)$/i;
const MAX_DETAIL_CHARS = 4000;

export function cleanDetail(detail: Record<string, unknown> | undefined): Record<string, unknown> {
  if (!detail) return {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(detail)) if (!SECRET_KEY.test(k) && v !== undefined) out[k] = v;
  return JSON.stringify(out).length > MAX_DETAIL_CHARS ? { truncated: true } : out;
}

const cut = (s: string | null | undefined, n: number) => (s ? s.slice(0, n) : null);

const inFlight = new Set<Promise<void>>();

/**
 * Waits for the writes under way: event-bus listeners do not await them, and a command-line
 * process must not exit (nor a test assert) before they land.
 */
export async function flushAudit(): Promise<void> {
  while (inFlight.size) await Promise.all([...inFlight]);
}

/** Counts `work` as an audit write under way until it settles (flushAudit waits for it). */
export function trackAudit(work: Promise<void>): Promise<void> {
  inFlight.add(work);
  void work.finally(() => inFlight.delete(work)).catch(() => {});
  return work;
}

export function recordAudit(event: AuditInput): Promise<void> {
  return trackAudit(writeAudit(event));
}

async function writeAudit(event: AuditInput): Promise<void> {
  try {
    const ctx = requestContext();
    const ip = event.ip ?? (ctx?.forwardedFor ? addressFrom(ctx.forwardedFor, getSettings().rateLimits.trustedProxies) : null);
    await insertAuditEvent(await database(), {
      type: event.type,
      actorType: event.actor.type,
      actorId: cut(event.actor.id, 300),
      actorLabel: cut(event.actor.label, 300),
      userId: event.userId ?? null,
      clientId: cut(event.clientId, 2000),
      ip: cut(ip, 64),
      userAgent: cut(event.userAgent ?? ctx?.userAgent, 512),
      requestId: cut(event.requestId ?? ctx?.requestId, 128),
      detail: cleanDetail(event.detail),
    });
  } catch (e) {
    auditWriteFailures.inc();
    console.error(`audit: could not record ${event.type}:`, e instanceof Error ? e.message : e);
  }
}
