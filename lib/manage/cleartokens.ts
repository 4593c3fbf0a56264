import { createApplicationStore } from '@/lib/db/applications';
import { getSettings } from '@/lib/config/settings';
import type { Command } from './command';

export const cleartokens: Command = {
  name: 'cleartokens',
  summary: 'delete expired and revoked tokens, used and expired codes (past OAUTH2_REFRESH_TOKEN_EXPIRE_SECONDS), and metadata-document clients unused for a day',
  usage: 'cleartokens [--batch-size N] [--json]',
  options: { 'batch-size': { type: 'string' } },
  async run({ args, db, json, out }) {
    const size = Number(args.values['batch-size'] ?? 10000);
    if (!Number.isInteger(size) || size < 1) throw new Error('--batch-size: expected a whole number ≥ 1');
    const removed = await createApplicationStore(db.db).clearExpired(new Date(), getSettings().refreshTokenExpireSeconds, size);
    if (json) out(JSON.stringify({ removed }));
    else
      out(
        `removed ${removed.accessTokens} access tokens, ${removed.refreshTokens} refresh tokens, ` +
          `${removed.authorizationCodes} authorization codes, ${removed.pendingAuthorizations} pending requests, ` +
          `${removed.metadataDocumentClients} unused metadata-document clients`,
      );
  },
};
