import { disableApplication } from '@/lib/admin/application-actions';
import { cliOperatorContext } from '@/lib/admin/cli-context';
import { findApplicationByClientIdForAdmin } from '@/lib/db/admin-applications';
import { UsageError, type Command } from './command';

/** A disabled application gets invalid_client at the token endpoint and the error page at authorize; its tokens are inactive. */
export const disableapplication: Command = {
  name: 'disableapplication',
  summary: 'disable an application (invalid_client, its tokens inactive) without deleting it, or enable it again with --enable',
  usage: 'disableapplication --client-id CLIENT_ID [--enable] [--json]',
  options: { 'client-id': { type: 'string' }, enable: { type: 'boolean' } },
  async run({ args, db, json, out, events }) {
    const clientId = (typeof args.values['client-id'] === 'string' ? args.values['client-id'] : '') || args.positionals[0] || '';
    if (!clientId) throw new UsageError('--client-id: expected the client_id of the application');
    const app = await findApplicationByClientIdForAdmin(db.db, clientId);
    if (!app) throw new UsageError(`--client-id: no application with client_id "${clientId}"`);
    const disable = !args.values.enable;
    const result = await disableApplication(cliOperatorContext(db, events), app.id, disable);
    if (!result.ok) throw new UsageError(result.reason);
    out(json ? JSON.stringify({ client_id: app.clientId, disabled: disable }) : `${disable ? 'disabled' : 'enabled'} application ${app.name} (${app.clientId})`);
  },
};
