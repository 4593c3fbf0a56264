/**
 * Second-factor settings (issue 22):
 * - OAUTH2_REQUIRE_MFA: off | operators | everyone (default off). Who must have signed in with
 *   two factors (or a passkey) before an authorization completes; per application, "Require
 *   two-factor sign-in" (applications.require_mfa) asks the same of that application's users.
 * - OAUTH2_ENCRYPTION_KEY: the secret the authenticator-app secrets are sealed under (HKDF →
 *   AES-256-GCM). Unset: AUTH_SECRET. Changing it makes enrolled authenticator apps unreadable
 *   (their owners sign in with a recovery code and enrol again).
 */
import { SettingsError, type Env } from '@/lib/config/env';

export const REQUIRE_MFA_MODES = ['off', 'operators', 'everyone'] as const;
export type RequireMfaMode = (typeof REQUIRE_MFA_MODES)[number];

export interface FactorSettings {
  requireMfa: RequireMfaMode;
  encryptionKey: string | null;
}

export function parseFactorSettings(env: Env): FactorSettings {
  const raw = env.OAUTH2_REQUIRE_MFA?.trim().toLowerCase() || 'off';
  if (!(REQUIRE_MFA_MODES as readonly string[]).includes(raw)) {
    throw new SettingsError(`OAUTH2_REQUIRE_MFA: expected off, operators or everyone, got "${env.OAUTH2_REQUIRE_MFA}"`);
  }
  const key = env.OAUTH2_ENCRYPTION_KEY?.trim() || null;
  if (key !== null && key.length < 32) throw new SettingsError('OAUTH2_ENCRYPTION_KEY: expected at least 32 characters, e.g. `openssl rand -base64 32`');
  return { requireMfa: raw as RequireMfaMode, encryptionKey: key };
}

/** Deps.requireMfa: whether OAUTH2_REQUIRE_MFA asks this person for two factors. */
export function mfaRequiredFor(mode: RequireMfaMode, user: { operator?: boolean }): boolean {
  return mode === 'everyone' || (mode === 'operators' && user.operator === true);
}
