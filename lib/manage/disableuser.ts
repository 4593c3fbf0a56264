import { disableUser } from '@/lib/admin/user-actions';
import { cliOperatorContext } from '@/lib/admin/cli-context';
import { UsageError, type Command } from './command';
import { accountFromEmailFlag } from './email-flag';

/** Incident response: the account cannot sign in, its sessions end and its tokens are revoked at once. */
export const disableuser: Command = {
  name: 'disableuser',
  summary: 'disable an account (no sign-in; sessions ended, tokens revoked), or enable it again with --enable',
  usage: 'disableuser --email EMAIL [--enable] [--json]',
  options: { email: { type: 'string' }, enable: { type: 'boolean' } },
  async run({ args, db, json, out, events }) {
    const user = await accountFromEmailFlag(db.db, args);
    const disable = !args.values.enable;
    const result = await disableUser(cliOperatorContext(db, events), user.id, disable);
    if (!result.ok) throw new UsageError(result.reason);
    const { sessionsEnded, tokensRevoked } = result.value;
    if (json) out(JSON.stringify({ id: user.id, email: user.email, disabled: disable, sessions_ended: sessionsEnded, tokens_revoked: tokensRevoked }));
    else out(disable ? `disabled ${user.email} (${sessionsEnded} sessions ended, ${tokensRevoked} tokens revoked)` : `enabled ${user.email}`);
  },
};
