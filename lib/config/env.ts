/**
 * Reading OAUTH2_* environment variables: each reader validates one variable and throws one
 * line naming it and what it accepts. lib/config/settings.ts and each feature's own settings use these.
 */
export class SettingsError extends Error {}

export type Env = Record<string, string | undefined>;

export function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min) throw new SettingsError(`${name}: expected a whole number ≥ ${min}, got "${raw}"`);
  return Number(raw);
}

export function optionalInt(env: Env, name: string, fallback: number | null): number | null {
  const raw = env[name];
  if (raw === undefined || raw === '' || /^(none|null)$/i.test(raw)) return fallback;
  return int(env, name, 0, 1);
}

export function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new SettingsError(`${name}: expected true or false, got "${raw}"`);
}

export function list(env: Env, name: string, fallback: string[]): string[] {
  const raw = env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  return raw.split(/[\s,]+/).filter(Boolean);
}

