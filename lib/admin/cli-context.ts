/**
 * The operator context of a `manage` command: the database it opened, "the command line" as the
 * actor. It ends sessions and revokes tokens on that database itself: endUserAccess opens the
 * server's database, which a command-line process must never open a second time (PGlite).
 */
import { getSettings } from '@/lib/config/settings';
import { endUserSessions, revokeUserTokens } from '@/lib/db/admin-users';
import type { DbHandle } from '@/lib/db/types';
import type { EventBus } from '@/lib/oauth/events';
import type { OperatorContext } from './context';
import { osUserName } from '@/lib/config/process-env';

export function cliOperatorContext(db: DbHandle, events?: EventBus): OperatorContext {
  const user = osUserName();
  return {
    db: db.db,
    actor: { id: null, label: user ? `command line (${user})` : 'command line' },
    events,
    operatorEmails: getSettings().clients.operatorEmails,
    async endAccess(userId, options = {}) {
      const now = new Date();
      const sessionsEnded = await endUserSessions(db.db, userId, now);
      const tokensRevoked = options.keepTokens ? 0 : await revokeUserTokens(db.db, userId, now);
      return { sessionsEnded, tokensRevoked };
    },
  };
}
