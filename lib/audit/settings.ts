/** The audit trail's and cleartokens' retention settings (parsed with the rest in lib/config/settings.ts). */
import { int, type Env } from '@/lib/config/env';

export interface AuditSettings {
  /** OAUTH2_AUDIT_RETENTION_DAYS (default 365): `manage cleartokens` deletes audit rows older than this. */
  retentionDays: number;
  /**
   * OAUTH2_UNUSED_CLIENT_DAYS (default 30): `manage cleartokens` deletes clients that registered
   * themselves (RFC 7591) this long ago and never completed an authorization or got a token.
   */
  unusedClientDays: number;
}

export function parseAuditSettings(env: Env): AuditSettings {
  return {
    retentionDays: int(env, 'OAUTH2_AUDIT_RETENTION_DAYS', 365, 1),
    unusedClientDays: int(env, 'OAUTH2_UNUSED_CLIENT_DAYS', 30, 1),
  };
}
