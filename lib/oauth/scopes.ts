/** RFC 6749 §3.3: scope parsing, validation against OAUTH2_SCOPES, and narrowing. */
import { OAuthError } from './errors';
import type { Settings } from './settings';

export function parseScope(raw: string | undefined): string[] {
  if (raw === undefined) return [];
  return [...new Set(raw.split(' ').filter(Boolean))];
}

/** Is `scope` one of OAUTH2_SCOPES? Its own keys only: "constructor" is no scope. */
export function isOfferedScope(settings: Pick<Settings, 'scopes'>, scope: string): boolean {
  return Object.hasOwn(settings.scopes, scope);
}

/** The scopes to grant: the requested ones if all are known, the defaults if none was asked for. */
export function resolveScopes(raw: string | undefined, settings: Settings): string[] {
  const requested = parseScope(raw);
  if (requested.length === 0) return [...settings.defaultScopes];
  const unknown = requested.filter((s) => !isOfferedScope(settings, s));
  if (unknown.length) throw new OAuthError('invalid_scope', `unknown scope: ${unknown.join(' ')}`);
  return requested;
}

/** §6: a refresh may ask for a subset of the original scope, never more. */
export function narrowScopes(raw: string | undefined, granted: string[]): string[] {
  const requested = parseScope(raw);
  if (requested.length === 0) return granted;
  const extra = requested.filter((s) => !granted.includes(s));
  if (extra.length) throw new OAuthError('invalid_scope', `scope exceeds what was granted: ${extra.join(' ')}`);
  return requested;
}

export function coversScopes(granted: string[], requested: string[]): boolean {
  return requested.every((s) => granted.includes(s));
}
