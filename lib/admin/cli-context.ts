/**
 * The operator context of a `manage` command: the database it opened, "the command line" as the
 * actor. Ending access is endUserAccess's own work (lib/accounts/end-access.ts, endAccessIn) over
 * that database and the command's bus, so the command line and the console end the same
 * sessions, revoke the same tokens and codes, and announce the same events.
 */
import { endAccessIn } from '@/lib/accounts/end-access';
import { getSettings } from '@/lib/config/settings';
import type { DbHandle } from '@/lib/db/types';
import { EventBus } from '@/lib/oauth/events';
import type { OperatorContext } from './context';
import { osUserName } from '@/lib/config/process-env';

/** "the command line" and the OS user running it, as the audit trail names a command's actor. */
export function commandLineActor(): { type: 'operator'; id: null; label: string } {
  const user = osUserName();
  return { type: 'operator', id: null, label: user ? `command line (${user})` : 'command line' };
}

export function cliOperatorContext(db: DbHandle, events: EventBus = new EventBus()): OperatorContext {
  const { id, label } = commandLineActor();
  return {
    db: db.db,
    actor: { id, label },
    events,
    operatorEmails: getSettings().clients.operatorEmails,
    endAccess: (userId, options) => endAccessIn({ db: db.db, events }, userId, options),
  };
}
