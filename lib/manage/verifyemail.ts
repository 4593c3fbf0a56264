import { createUserStore } from '@/lib/db/users';
import { UsageError, type Command } from './command';

/**
 * Marks an account's email verified. Password sign-up leaves it unverified (nobody proved the
 * address), which keeps the account out of OAUTH2_OPERATOR_EMAILS and keeps GitHub/Google
 * sign-in from joining it; an operator who knows the person vouches for the address here.
 */
export const verifyemail: Command = {
  name: 'verifyemail',
  summary: "mark an account's email address verified (operators, social sign-in)",
  usage: 'verifyemail --email EMAIL [--json]',
  options: { email: { type: 'string' } },
  async run({ args, db, json, out }) {
    const email = typeof args.values.email === 'string' ? args.values.email.trim() : '';
    if (!email) throw new UsageError('--email: required');
    const user = await createUserStore(db.db).markEmailVerified(email);
    if (!user) throw new UsageError(`--email: no user with email ${email}`);
    out(json ? JSON.stringify({ id: user.id, email: user.email, email_verified: true }) : `verified ${user.email} (${user.id})`);
  },
};
