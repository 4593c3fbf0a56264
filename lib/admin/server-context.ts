/** The operator context of a console action: the server's database, the signed-in operator, endUserAccess. */
import { endUserAccess } from '@/lib/accounts/end-access';
import type { SignedInUser } from '@/lib/auth';
import { getSettings } from '@/lib/config/settings';
import { getDb } from '@/lib/db/client';
import { events } from '@/lib/server/events';
import type { OperatorContext } from './context';

export async function consoleContext(operator: SignedInUser): Promise<OperatorContext> {
  return {
    db: await getDb(),
    actor: { id: operator.id, label: operator.email },
    events,
    operatorEmails: getSettings().clients.operatorEmails,
    endAccess: (userId, options) => endUserAccess(userId, options),
  };
}
