/**
 * Who an application says it is (issue 23; RFC 7591 §2 logo_uri, client_uri, policy_uri, tos_uri):
 * the one rule the dashboard form, the command line, dynamic registration (RFC 7591/7592) and
 * client ID metadata documents apply to these four links. Browser-safe and import-free (the
 * engine may read it: eslint/boundaries.mjs), like rules.ts, which runs it with the others.
 *
 * An accepted value is an absolute https URL with a host, at most IDENTITY_URI_MAX characters,
 * with no spaces or control characters and no user name or password. Why each:
 * - https only: the consent page shows these to a person deciding whether to trust the client;
 *   a plain http page can be swapped in transit, and a logo over http is mixed content.
 * - no user name or password (`https://bank.example@evil.example/`): a credential would be
 *   stored and shown to every user, and the `@` form is a classic way to make one host look like another.
 * - no spaces: `new URL` quietly trims or escapes them, so what was stored would not be what the
 *   person reads on the page.
 * - a fragment (#…) is allowed: it never reaches the linked server and is how a legal page links
 *   to its own section (`https://example.com/legal#privacy`); RFC 7591 does not forbid it.
 *
 * Messages name no field: each surface puts its own name in front ("Logo URL must use https" in the
 * form, "--logo-uri: must use https" on the command line, "logo_uri must use https" on the wire).
 */

/** The service's field names of the four links. */
export type IdentityField = 'logoUri' | 'clientUri' | 'policyUri' | 'tosUri';

/** RFC 7591 §2 bounds nothing; this server keeps every stored URI to this (as dynamic registration does). */
export const IDENTITY_URI_MAX = 2000;

/** Each link: its RFC 7591 §2 name (stored in applications.client_metadata and sent on the wire), its flag, its form label. */
export const IDENTITY_FIELDS = [
  { field: 'logoUri', metadata: 'logo_uri', flag: '--logo-uri', label: 'Logo URL' },
  { field: 'clientUri', metadata: 'client_uri', flag: '--client-uri', label: 'Home page' },
  { field: 'policyUri', metadata: 'policy_uri', flag: '--policy-uri', label: 'Privacy policy' },
  { field: 'tosUri', metadata: 'tos_uri', flag: '--tos-uri', label: 'Terms of service' },
] as const satisfies readonly { field: IdentityField; metadata: string; flag: string; label: string }[];

export type IdentityMetadataName = (typeof IDENTITY_FIELDS)[number]['metadata'];

/** Why a link was refused, so a page can say it in its own language (the English is the message). */
export const IDENTITY_URI_PROBLEMS = {
  notUrl: 'must be an absolute https URL, such as https://example.com/',
  https: 'must use https',
  credentials: 'must not contain a user name or password',
  spaces: 'must not contain spaces',
  tooLong: `must be at most ${IDENTITY_URI_MAX} characters`,
} as const;

export type IdentityUriProblem = keyof typeof IDENTITY_URI_PROBLEMS;

/** The problem with one link as given (not trimmed: callers trim what a person typed), or null. */
export function identityUriProblem(value: string): IdentityUriProblem | null {
  if (value.length > IDENTITY_URI_MAX) return 'tooLong';
  // Whitespace and C0/C1 controls: the URL parser would drop or escape them silently.
  if (/\s/.test(value) || [...value].some((ch) => ch.charCodeAt(0) < 0x20 || (ch.charCodeAt(0) >= 0x7f && ch.charCodeAt(0) <= 0x9f))) return 'spaces';
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'notUrl';
  }
  if (url.protocol !== 'https:') return /^[a-z][a-z\d+.-]*:\/\//i.test(value) ? 'https' : 'notUrl';
  // Written out as https://host: the parser would also take `https:host` or backslashes, and store one thing while showing another.
  if (!/^https:\/\//i.test(value) || value.includes('\\') || !url.hostname) return 'notUrl';
  if (url.username || url.password) return 'credentials';
  return null;
}

/** The first refused link of `input` (absent, null and '' are "none": nothing to check), in the form's order. */
export function identityProblem(input: Partial<Record<IdentityField, string | null | undefined>>): { field: IdentityField; message: string } | null {
  for (const { field } of IDENTITY_FIELDS) {
    const value = input[field];
    if (!value) continue;
    const problem = identityUriProblem(value);
    if (problem) return { field, message: IDENTITY_URI_PROBLEMS[problem] };
  }
  return null;
}

/**
 * The links of `input` as client_metadata keys, for the store: a link given is set, one given as
 * '' or null is removed, one absent is left as it is (an update changes only what it names).
 */
export function identityMetadataChanges(input: Partial<Record<IdentityField, string | null | undefined>>): Partial<Record<IdentityMetadataName, string | null>> {
  const changes: Partial<Record<IdentityMetadataName, string | null>> = {};
  for (const { field, metadata } of IDENTITY_FIELDS) {
    const value = input[field];
    if (value !== undefined) changes[metadata] = value || null;
  }
  return changes;
}
