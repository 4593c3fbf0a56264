/**
 * Deps.accountHold, apart from the verification flow (lib/accounts/verification.ts) so the
 * engine's seam loads no mail or queue code: under OAUTH2_SIGNUP=verified an unverified account
 * must visit /verify-email before any authorization completes. Decided from the user the caller
 * already read, never a query of its own.
 */
import { getSettings } from '@/lib/config/settings';

export const VERIFY_EMAIL_PATH = '/verify-email';

export function verificationHold(user: { emailVerified: boolean }): string | null {
  return getSettings().accounts.signup === 'verified' && !user.emailVerified ? VERIFY_EMAIL_PATH : null;
}
