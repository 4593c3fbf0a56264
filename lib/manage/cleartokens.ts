import { createApplicationStore } from '@/lib/db/applications';
import { pruneAuditEvents } from '@/lib/db/audit';
import { pruneUnusedDynamicClients } from '@/lib/db/admin-prune';
import { createSessionStore } from '@/lib/db/sessions';
import { getSettings } from '@/lib/config/settings';
import type { Command } from './command';

const DAY_MS = 86_400_000;

export const cleartokens: Command = {
  name: 'cleartokens',
  summary:
    'delete expired and revoked tokens, used JWT ids past their expiry, used and expired codes (past OAUTH2_REFRESH_TOKEN_EXPIRE_SECONDS), metadata-document clients unused for a day, ' +
    'self-registered clients unused after OAUTH2_UNUSED_CLIENT_DAYS, audit events older than OAUTH2_AUDIT_RETENTION_DAYS, ' +
    'and browser sessions over (signed out or expired) for a day',
  usage: 'cleartokens [--batch-size N] [--json]',
  options: { 'batch-size': { type: 'string' } },
  async run({ args, db, json, out }) {
    const size = Number(args.values['batch-size'] ?? 10000);
    if (!Number.isInteger(size) || size < 1) throw new Error('--batch-size: expected a whole number ≥ 1');
    const settings = getSettings();
    const now = new Date();
    const removed = await createApplicationStore(db.db).clearExpired(now, settings.refreshTokenExpireSeconds, size);
    const dynamicClients = await pruneUnusedDynamicClients(db.db, new Date(now.getTime() - settings.audit.unusedClientDays * DAY_MS), size);
    const auditEvents = await pruneAuditEvents(db.db, new Date(now.getTime() - settings.audit.retentionDays * DAY_MS), size);
    const sessions = await createSessionStore(db.db).deleteSessionsOverBefore(new Date(now.getTime() - DAY_MS), size);
    if (json) out(JSON.stringify({ removed: { ...removed, dynamicClients, auditEvents, sessions } }));
    else
      out(
        `removed ${removed.accessTokens} access tokens, ${removed.refreshTokens} refresh tokens, ` +
          `${removed.authorizationCodes} authorization codes, ${removed.pendingAuthorizations} pending requests, ` +
          `${removed.usedJtis} used JWT ids past expiry, ${removed.metadataDocumentClients} unused metadata-document clients, ${dynamicClients} unused self-registered clients, ` +
          `${auditEvents} audit events past retention, ${sessions} browser sessions over for a day`,
      );
  },
};
