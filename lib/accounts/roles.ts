/**
 * Issue 19: the role names an operator gives a person, released to applications with the
 * `roles` scope (ID token, userinfo, introspection, JWT access tokens). One home for what a
 * role name may be, used by the console, the CLI's setroles and their tests.
 */

/** Letters, digits and . _ : - (so "billing", "org:admin", "team.eu-west"), 1 to 64 characters. */
const ROLE_NAME = /^[A-Za-z0-9._:-]{1,64}$/;
export const MAX_ROLES = 50;

export type ParsedRoles = { ok: true; roles: string[] } | { ok: false; reason: string };

/** Names separated by spaces or commas; duplicates dropped, order kept; empty text = no roles. */
export function parseRoles(text: string): ParsedRoles {
  const names = text.split(/[\s,]+/).filter(Boolean);
  const bad = names.find((n) => !ROLE_NAME.test(n));
  if (bad !== undefined) {
    return { ok: false, reason: `"${bad.length > 40 ? `${bad.slice(0, 40)}…` : bad}" is not a role name: use 1 to 64 letters, digits, '.', '_', ':' or '-'` };
  }
  const roles = [...new Set(names)];
  if (roles.length > MAX_ROLES) return { ok: false, reason: `${roles.length} roles given; at most ${MAX_ROLES}` };
  return { ok: true, roles };
}
