import { setOperator } from '@/lib/admin/user-actions';
import { cliOperatorContext } from '@/lib/admin/cli-context';
import { UsageError, type Command } from './command';
import { accountFromEmailFlag } from './email-flag';

/** The operator role: the /admin console and operator-only settings. */
export const setoperator: Command = {
  name: 'setoperator',
  summary: 'give an account the operator role (the /admin console), or take it away with --off',
  usage: 'setoperator --email EMAIL [--off] [--json]\n  OAUTH2_OPERATOR_EMAILS still names operators too; --off cannot remove the last one.',
  options: { email: { type: 'string' }, off: { type: 'boolean' } },
  async run({ args, db, json, out, events }) {
    const user = await accountFromEmailFlag(db.db, args);
    const on = !args.values.off;
    const result = await setOperator(cliOperatorContext(db, events), user.id, on);
    if (!result.ok) throw new UsageError(result.reason);
    out(json ? JSON.stringify({ id: user.id, email: user.email, operator: on }) : `${user.email} is ${on ? 'now an operator' : 'no longer an operator'}`);
  },
};
