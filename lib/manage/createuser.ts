import { hashPassword } from '@/lib/auth/password';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { createUserStore } from '@/lib/db/users';
import { setUserOperator } from '@/lib/db/admin-users';
import { recordAudit } from '@/lib/audit';
import { signUpSchema } from '@/lib/validations/auth';
import { UsageError, type Command } from './command';

export const createuser: Command = {
  name: 'createuser',
  summary: 'create a user who can sign in with a password',
  usage: 'createuser --email EMAIL --password PASSWORD [--name NAME] [--operator] [--json]\n  --operator: the account may use the /admin console (as `setoperator`).',
  options: { email: { type: 'string' }, password: { type: 'string' }, name: { type: 'string' }, operator: { type: 'boolean' } },
  async run({ args, db, json, out }) {
    const parsed = signUpSchema.safeParse({ email: args.values.email, password: args.values.password, name: args.values.name });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new UsageError(`--${String(issue.path[0] ?? 'email')}: ${issue.message}`);
    }
    const weak = checkNewPassword(parsed.data.password, { email: parsed.data.email });
    if (weak) throw new UsageError(`--password: ${weak}`);
    const user = await createUserStore(db.db).createUser({
      email: parsed.data.email,
      name: parsed.data.name ?? null,
      passwordHash: await hashPassword(parsed.data.password),
      // Created by someone with shell access to the server: the operator vouches for the address
      // (it counts for OAUTH2_OPERATOR_EMAILS and social sign-in may join it).
      emailVerified: true,
    });
    if (!user) throw new UsageError(`--email: a user with email ${parsed.data.email} already exists`);
    const operator = !!args.values.operator;
    if (operator) await setUserOperator(db.db, user.id, true);
    await recordAudit({ type: 'user.created', actor: { type: 'operator', label: 'command line' }, userId: user.id, detail: { email: user.email, operator } });
    out(json ? JSON.stringify({ id: user.id, email: user.email, operator }) : `created ${operator ? 'operator' : 'user'} ${user.email} (${user.id})`);
  },
};
