/**
 * After a sign-in method changed on /account: one audit event and one email notice (issue 22).
 * The notice never contains a secret, a code or a QR code.
 */
import { recordAudit } from '@/lib/audit';
import { queueMail } from '@/lib/mail';
import { signInMethodChangedMail } from '@/lib/mail/templates/sign-in-method-changed';

export type FactorChange =
  | { type: 'mfa.totp_enabled' }
  | { type: 'mfa.totp_removed' }
  | { type: 'mfa.recovery_codes_regenerated' }
  | { type: 'mfa.passkey_added'; name: string }
  | { type: 'mfa.passkey_removed'; name: string };

function describe(change: FactorChange): string {
  switch (change.type) {
    case 'mfa.totp_enabled':
      return 'an authenticator app was set up for two-step verification, with new recovery codes';
    case 'mfa.totp_removed':
      return 'the authenticator app was removed, with its recovery codes';
    case 'mfa.recovery_codes_regenerated':
      return 'new recovery codes were generated; the old ones no longer work';
    case 'mfa.passkey_added':
      return `a passkey named “${change.name}” was added`;
    case 'mfa.passkey_removed':
      return `the passkey named “${change.name}” was removed`;
  }
}

export async function announceFactorChange(
  user: { id: string; email: string },
  change: FactorChange,
  origin: { ip: string | null; userAgent: string | null; baseUrl: string },
): Promise<void> {
  const detail = 'name' in change ? { name: change.name } : undefined;
  await recordAudit({ type: change.type, actor: { type: 'user', id: user.id, label: user.email }, userId: user.id, detail, ip: origin.ip, userAgent: origin.userAgent });
  await queueMail(signInMethodChangedMail({ to: user.email, change: describe(change), accountUrl: `${origin.baseUrl}/account#two-factor` }));
}
