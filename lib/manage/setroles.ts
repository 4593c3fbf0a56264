import { cliOperatorContext } from '@/lib/admin/cli-context';
import { setRoles } from '@/lib/admin/user-actions';
import { UsageError, type Command } from './command';
import { accountFromEmailFlag } from './email-flag';

/** Issue 19: the roles released with the `roles` scope; the same action (and audit event) as the console's. */
export const setroles: Command = {
  name: 'setroles',
  summary: "replace an account's roles (released to applications with the roles scope)",
  usage: 'setroles --email EMAIL --roles "billing admin" [--json]\n  Names separated by spaces or commas; --roles "" removes every role.',
  options: { email: { type: 'string' }, roles: { type: 'string' } },
  async run({ args, db, json, out, events }) {
    if (typeof args.values.roles !== 'string') throw new UsageError('--roles: expected the role names, e.g. --roles "billing admin" (or "" for none)');
    const user = await accountFromEmailFlag(db.db, args);
    const result = await setRoles(cliOperatorContext(db, events), user.id, args.values.roles);
    if (!result.ok) throw new UsageError(`--roles: ${result.reason}`);
    const roles = result.value.roles;
    out(json ? JSON.stringify({ id: user.id, email: user.email, roles }) : `${user.email} has ${roles.length ? `roles: ${roles.join(' ')}` : 'no roles'}`);
  },
};
