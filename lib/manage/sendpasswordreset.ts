/**
 * `sendpasswordreset --email E`: mails the user a reset link, as "Forgot password?" does (valid
 * 30 minutes, once). Unlike the page it says when there is no such user: the operator may know.
 * The mail is queued; a running server delivers it. When this process opened the embedded
 * database itself (no server running), it delivers the mail before exiting.
 */
import { requestPasswordReset } from '@/lib/accounts/password-reset';
import { commandLineBaseUrl } from '@/lib/accounts/base-url';
import { createAccountTokenStore } from '@/lib/db/account-tokens';
import { mailQueueFor, type MailMessage } from '@/lib/mail';
import { UsageError, type Command } from './command';

export const sendpasswordreset: Command = {
  name: 'sendpasswordreset',
  summary: 'email a user a password reset link (valid 30 minutes)',
  usage: 'sendpasswordreset --email EMAIL [--json]',
  options: { email: { type: 'string' } },
  async run({ args, db, json, out }) {
    const email = typeof args.values.email === 'string' ? args.values.email.trim().toLowerCase() : '';
    if (!email) throw new UsageError('--email: required');
    const user = await createAccountTokenStore(db.db).findUserByEmail(email);
    if (!user) throw new UsageError(`--email: no user with email ${email}`);
    if (user.disabled) throw new UsageError(`--email: ${email} is disabled; enable the account first`);
    const queue = mailQueueFor(db, { supervise: false });
    const ids: string[] = [];
    const mail = async (message: MailMessage) => {
      const id = await queue.send(message);
      if (id) ids.push(id);
    };
    try {
      await requestPasswordReset(email, { baseUrl: commandLineBaseUrl(), db: db.db, mail, actor: 'operator' });
      let delivered: boolean | null = null;
      if (db.kind === 'pglite') delivered = await deliverNow(queue, ids);
      const how = delivered === null ? 'queued; the running server delivers it' : delivered ? 'delivered' : 'queued; delivery failed for now and is retried when the server runs';
      out(json ? JSON.stringify({ id: user.id, email: user.email, mail: delivered === null ? 'queued' : delivered ? 'delivered' : 'retrying' }) : `reset link for ${user.email}: ${how}`);
    } finally {
      await queue.stop();
    }
  },
};

/** Works the queue in this process until the jobs are done (or 30 s pass). */
async function deliverNow(queue: ReturnType<typeof mailQueueFor>, ids: string[]): Promise<boolean> {
  await queue.work();
  const deadline = Date.now() + 30_000;
  for (;;) {
    const states = await Promise.all(ids.map((id) => queue.state(id)));
    if (states.every((s) => s === 'completed')) return true;
    if (states.some((s) => s === 'retry' || s === 'failed') || Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 250));
  }
}
