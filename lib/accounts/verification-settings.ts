/**
 * Who may create an account, and what a password reset ends (issue 17):
 * - OAUTH2_SIGNUP: open | verified | invite | closed. Default open on the embedded database
 *   (the one-command local instance and its demo users), verified on PostgreSQL (a deployment
 *   others reach: an address must be proved before it is vouched for in ID tokens).
 * - OAUTH2_RESET_KEEPS_TOKENS (default false): a password reset also revokes the tokens of
 *   every application the person authorized, since whoever knew the old password may hold them.
 */
import { bool, SettingsError, type Env } from '@/lib/config/env';

export const SIGNUP_MODES = ['open', 'verified', 'invite', 'closed'] as const;
export type SignupMode = (typeof SIGNUP_MODES)[number];

export interface AccountSettings {
  signup: SignupMode;
  resetKeepsTokens: boolean;
}

export function parseAccountSettings(env: Env): AccountSettings {
  const raw = env.OAUTH2_SIGNUP?.trim().toLowerCase();
  const fallback: SignupMode = env.DATABASE_URL ? 'verified' : 'open';
  if (raw && !(SIGNUP_MODES as readonly string[]).includes(raw)) {
    throw new SettingsError(`OAUTH2_SIGNUP: expected open, verified, invite or closed, got "${env.OAUTH2_SIGNUP}"`);
  }
  return { signup: (raw as SignupMode | undefined) || fallback, resetKeepsTokens: bool(env, 'OAUTH2_RESET_KEEPS_TOKENS', false) };
}

export const VERIFY_EMAIL_PATH = '/verify-email';

/**
 * Deps.accountHold: under `verified`, an unverified account must visit /verify-email before any
 * authorization completes. It reads the account as the caller loaded it (the session's user,
 * the password grant's row), so the hold costs no query.
 */
export function verificationHold(account: { emailVerified: boolean }, mode: SignupMode): string | null {
  return mode === 'verified' && !account.emailVerified ? VERIFY_EMAIL_PATH : null;
}
