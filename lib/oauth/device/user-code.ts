/**
 * RFC 8628 §6.1: the user code a person types on a second screen. Eight letters from twenty
 * consonants (no vowels, so no words; no look-alikes such as I/1 or O/0): 20^8 ≈ 2.6e10 codes,
 * ~34 bits, which with the per-IP limit on wrong guesses and a lifetime of minutes is out of
 * reach of guessing (§5.1). Shown as BDWP-HQPK; typed in any case, with or without the dash.
 */
import { randomInt } from 'node:crypto';

export const USER_CODE_ALPHABET = 'BCDFGHJKLMNPQRSTVWXZ';
const LENGTH = 8;

/** A fresh code, normalised (no dash): what is stored as a digest. */
export function generateUserCode(): string {
  let code = '';
  for (let i = 0; i < LENGTH; i++) code += USER_CODE_ALPHABET[randomInt(USER_CODE_ALPHABET.length)];
  return code;
}

/** BDWPHQPK → BDWP-HQPK, as the device shows it and people read it. */
export function formatUserCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed, as stored (upper case, no dashes or spaces); null when it cannot be a code. */
export function normalizeUserCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s\-‐-―]/g, '');
  if (code.length !== LENGTH) return null;
  for (const c of code) if (!USER_CODE_ALPHABET.includes(c)) return null;
  return code;
}
