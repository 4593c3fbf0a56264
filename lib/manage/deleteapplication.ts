import { commandLineActor } from '@/lib/admin/cli-context';
import { deleteApplication } from '@/lib/applications/service';
import { createApplicationStore } from '@/lib/db/applications';
import { UsageError, type Command } from './command';

/** Deletes any application by client_id, with its tokens, codes and consents (the database cascades). Asks nothing. */
export const deleteapplication: Command = {
  name: 'deleteapplication',
  summary: 'delete an application and everything issued to it (no confirmation)',
  usage: 'deleteapplication <client_id> [--json]\n  Its tokens stop working at once; people who approved it lose it from their authorized applications.',
  options: {},
  async run({ args, db, json, out, events }) {
    const [clientId, ...extra] = args.positionals;
    if (!clientId) throw new UsageError('client_id: expected the client_id of the application to delete');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const deleted = await deleteApplication(createApplicationStore(db.db), { clientId }, events, commandLineActor());
    if (!deleted) throw new UsageError(`no application with client_id "${clientId}"`);
    if (json) out(JSON.stringify({ client_id: deleted.clientId, deleted: true, revoked_access_tokens: deleted.accessTokens, revoked_refresh_tokens: deleted.refreshTokens }));
    else out(`deleted application ${deleted.clientId} (${deleted.accessTokens} access and ${deleted.refreshTokens} refresh tokens revoked)`);
  },
};
