import { disableUser } from '@/lib/admin/user-actions';
import { cliOperatorContext } from '@/lib/admin/cli-context';
import { findUserByEmailForAdmin } from '@/lib/db/admin-users';
import { UsageError, type Command } from './command';

/** Incident response: the account cannot sign in, its sessions end and its tokens are revoked at once. */
export const disableuser: Command = {
  name: 'disableuser',
  summary: 'disable an account (no sign-in; sessions ended, tokens revoked), or enable it again with --enable',
  usage: 'disableuser --email EMAIL [--enable] [--json]',
  options: { email: { type: 'string' }, enable: { type: 'boolean' } },
  async run({ args, db, json, out, events }) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const email = typeof args.values.email === 'string' ? args.values.email : '';
    if (!email) throw new UsageError('--email: expected the account’s email');
    const user = await findUserByEmailForAdmin(db.db, email);
    if (!user) throw new UsageError(`--email: no account with email ${email}`);
    const disable = !args.values.enable;
    const result = await disableUser(cliOperatorContext(db, events), user.id, disable);
    if (!result.ok) throw new UsageError(result.reason);
    const { sessionsEnded, tokensRevoked } = result.value;
    if (json) out(JSON.stringify({ id: user.id, email: user.email, disabled: disable, sessions_ended: sessionsEnded, tokens_revoked: tokensRevoked }));
    else out(disable ? `disabled ${user.email} (${sessionsEnded} sessions ended, ${tokensRevoked} tokens revoked)` : `enabled ${user.email}`);
  },
};
