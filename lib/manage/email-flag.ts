import { findUserByEmailForAdmin, type AdminUserRow } from '@/lib/db/admin-users';
import type { Db } from '@/lib/db/types';
import { UsageError, type Command } from './command';

type Args = Parameters<Command['run']>[0]['args'];

/** The account that `--email EMAIL` names (setoperator, disableuser); a one-line UsageError otherwise. */
export async function accountFromEmailFlag(db: Db, args: Args): Promise<AdminUserRow> {
  if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
  const email = typeof args.values.email === 'string' ? args.values.email : '';
  if (!email) throw new UsageError('--email: expected the account’s email');
  const user = await findUserByEmailForAdmin(db, email);
  if (!user) throw new UsageError(`--email: no account with email ${email}`);
  return user;
}
