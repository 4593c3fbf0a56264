/**
 * After a sign-in method changed on /account: one audit event and one email notice (issue 22).
 * The notice never contains a secret, a code or a QR code.
 */
import { recordAudit } from '@/lib/audit';
import { queueMail } from '@/lib/mail';
import { getAccountStore } from '@/lib/db/account';
import { mailLocale } from '@/lib/mail/locale';
import { signInMethodChangedMail, type SignInMethodChange } from '@/lib/mail/templates/sign-in-method-changed';

/** What changed; the notice names it in the reader's language (the mail template's own type). */
export type FactorChange = SignInMethodChange;

export async function announceFactorChange(
  user: { id: string; email: string },
  change: FactorChange,
  /** `locale`: the page's language, for an account that saved none. */
  origin: { ip: string | null; userAgent: string | null; baseUrl: string; locale?: string },
): Promise<void> {
  const detail = 'name' in change ? { name: change.name } : undefined;
  await recordAudit({ type: change.type, actor: { type: 'user', id: user.id, label: user.email }, userId: user.id, detail, ip: origin.ip, userAgent: origin.userAgent });
  const saved = await (await getAccountStore()).findUserLocale(user.id).catch(() => null);
  await queueMail(signInMethodChangedMail({ to: user.email, change, accountUrl: `${origin.baseUrl}/account#two-factor`, locale: mailLocale(saved, origin.locale) }));
}
