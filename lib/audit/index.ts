/**
 * The audit trail's one entry point. Never pass a token, secret, code or password in `detail`.
 *
 * STUB (contract between helpers, issue 18): the audit helper replaces the body (it writes a
 * row of audit_events, drizzle/schema.ts). Callers may await it; it never throws.
 */
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

export async function recordAudit(event: AuditInput): Promise<void> {
  void event;
}
