/**
 * `changepassword --email E [--password P]` (Django's changepassword): sets a user's password.
 * Without --password it asks twice on the terminal without echo (or reads one line from a
 * pipe). The policy is the sign-up page's (lib/auth/password-policy.ts). Like a reset, it ends
 * the user's sessions and (unless OAUTH2_RESET_KEEPS_TOKENS) revokes applications' tokens.
 */
import { hashPassword } from '@/lib/auth/password';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { endUserAccess } from '@/lib/accounts/end-access';
import { recordAudit } from '@/lib/audit';
import { getSettings } from '@/lib/config/settings';
import { createAccountStore } from '@/lib/db/account';
import { createAccountTokenStore } from '@/lib/db/account-tokens';
import { UsageError, type Command } from './command';
import { readSecret } from './read-secret';

export const changepassword: Command = {
  name: 'changepassword',
  summary: "set a user's password (asks without echo when --password is absent); ends their sessions",
  usage: 'changepassword --email EMAIL [--password PASSWORD] [--json]',
  options: { email: { type: 'string' }, password: { type: 'string' } },
  async run({ args, db, json, out }) {
    const email = typeof args.values.email === 'string' ? args.values.email.trim().toLowerCase() : '';
    if (!email) throw new UsageError('--email: required');
    const store = createAccountTokenStore(db.db);
    const user = await store.findUserByEmail(email);
    if (!user) throw new UsageError(`--email: no user with email ${email}`);
    let password = typeof args.values.password === 'string' ? args.values.password : null;
    if (password === null) {
      password = await readSecret(`Password for ${user.email}: `);
      const again = await readSecret('Password (again): ', { optional: !process.stdin.isTTY });
      if (process.stdin.isTTY && again !== password) throw new UsageError('the two passwords do not match');
    }
    const refused = checkNewPassword(password, { email: user.email });
    if (refused) throw new UsageError(`--password: ${refused}`);
    // Pending reset and email-change links are used up with it, as with a reset.
    await createAccountStore(db.db).setUserPasswordHash(user.id, await hashPassword(password));
    const keepTokens = getSettings().accounts.resetKeepsTokens;
    const ended = await endUserAccess(user.id, { keepTokens, cause: { source: 'operator', reason: 'password_change' } });
    await recordAudit({ type: 'password.changed', actor: { type: 'operator', label: 'command line' }, userId: user.id, detail: { via: 'changepassword', ...ended, keepTokens } });
    out(
      json
        ? JSON.stringify({ id: user.id, email: user.email, sessions_ended: ended.sessionsEnded, tokens_revoked: ended.tokensRevoked })
        : `changed the password of ${user.email}; ${ended.sessionsEnded} session(s) ended, ${ended.tokensRevoked} token(s) revoked`,
    );
  },
};
