/**
 * Authenticator apps: TOTP (RFC 6238) with the defaults every app understands (SHA-1, 6 digits,
 * 30-second steps), computed by otpauth. Pure: the secret, the code and the time come in.
 *
 * A code is accepted one step either side of now (RFC 6238 §5.2: clocks drift and people type
 * slowly), and only for a step later than the last one accepted (§5.2: "the verifier MUST NOT
 * accept the second attempt of the OTP after the successful validation"), so a code seen over a
 * shoulder or replayed from a phishing page is refused once used.
 */
import { Secret, TOTP } from 'otpauth';

export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that are still accepted. */
export const TOTP_WINDOW = 1;

/** A fresh 160-bit secret (RFC 4226 §4 recommends 160), as base32 for the app. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secretBase32: string, label = '', issuer = ''): TOTP {
  return new TOTP({ issuer, label, secret: Secret.fromBase32(secretBase32), algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });
}

/** The otpauth:// URI the QR code holds (issuer and account shown by the app). */
export function totpUri(secretBase32: string, account: string, issuer: string): string {
  return totp(secretBase32, account, issuer).toString();
}

/** The time step a moment falls in. */
export function totpStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS);
}

/** The code for a moment (tests and the e2e helper compute codes the way an app does). */
export function totpCode(secretBase32: string, nowMs: number): string {
  return totp(secretBase32).generate({ timestamp: nowMs });
}

/** Spaces and dashes people type or paste are ignored; anything else but six digits is no code. */
export function normalizeTotpCode(input: string): string | null {
  const code = input.replace(/[\s-]/g, '');
  return /^\d{6}$/.test(code) ? code : null;
}

/**
 * The step the code belongs to when it is valid now and later than `lastUsedStep`; else null.
 * The caller stores the returned step atomically (only if still later than the stored one), so
 * two simultaneous submissions of one code cannot both pass.
 */
export function matchTotp(secretBase32: string, input: string, nowMs: number, lastUsedStep: number | null): number | null {
  const code = normalizeTotpCode(input);
  if (!code) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: nowMs, window: TOTP_WINDOW });
  if (delta === null) return null;
  const step = totpStep(nowMs) + delta;
  return lastUsedStep !== null && step <= lastUsedStep ? null : step;
}
