import { recordAudit } from '@/lib/audit';
import { revokeInitialAccessToken } from '@/lib/db/admin-registration';
import { UsageError, type Command } from './command';

export const revokeinitialaccesstoken: Command = {
  name: 'revokeinitialaccesstoken',
  summary: 'revoke an RFC 7591 initial access token by id (listinitialaccesstokens shows ids)',
  usage: 'revokeinitialaccesstoken <id> [--json]',
  options: {},
  async run({ args, db, json, out }) {
    const [id, ...extra] = args.positionals;
    if (!id) throw new UsageError('id: expected the id of the initial access token (see listinitialaccesstokens)');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    if (!(await revokeInitialAccessToken(db.db, id, new Date()))) throw new UsageError(`no active initial access token with id "${id}"`);
    await recordAudit({ type: 'initial_access_token.revoked', actor: { type: 'operator', label: 'command line' }, detail: { id } });
    out(json ? JSON.stringify({ id, revoked: true }) : `revoked initial access token ${id}`);
  },
};
