/**
 * An application's rules, each written once. Every rule answers `{ field, message } | null`;
 * each surface words the field its own way and keeps the message: the form shows it beside the
 * field (capitalised), the CLI prefixes the flag (`--redirect-uris: …`), dynamic registration
 * turns it into RFC 7591's error codes. Browser-safe: the zod schema runs these in the browser,
 * the service (lib/applications/service.ts) and the engine's registration on the server.
 */
import { redirectUriProblem, redirectUriShapeProblem } from '@/lib/oauth/redirect-uri';
import type { Settings } from '@/lib/oauth/settings';
import { identityProblem, type IdentityField } from './identity-rules';
import { keysProblem, type KeyInput } from './key-rules';
import { GRANTS, LIST_MAX, MAX_RATE_LIMIT, NAME_MAX, type ClientType } from './options';

/** The fields a rule can name: an application's input, as the service takes it. */
export type ApplicationField =
  | 'name'
  | 'clientType'
  | 'grantTypes'
  | 'redirectUris'
  | 'postLogoutRedirectUris'
  | 'allowedOrigins'
  | 'resources'
  | 'algorithm'
  | 'rateLimit'
  | 'resourceServer'
  | 'deviceCodeLifetime'
  | 'tokenEndpointAuthMethod'
  | 'jwks'
  | 'jwksUri'
  | 'accessTokenFormat'
  | 'clientId'
  | 'allowedScopes'
  | 'accessTokenLifetime'
  | 'refreshTokenLifetime'
  | 'idTokenLifetime'
  | 'clientSecret'
  | 'requireDpop'
  | 'backchannelLogoutUri'
  // Issue 23: who it is (identity-rules.ts).
  | IdentityField;

export interface Problem {
  field: ApplicationField;
  message: string;
  /** The entry of a list the message starts with (it is shown as typed, never capitalised). */
  value?: string;
}

/** A rule's refusal, thrown by the service; each caller shows it its own way. */
export class ApplicationInputError extends Error {
  constructor(
    readonly field: ApplicationField,
    message: string,
    readonly value?: string,
  ) {
    super(message);
  }

  static of(problem: Problem): ApplicationInputError {
    return new ApplicationInputError(problem.field, problem.message, problem.value);
  }
}

export type RedirectSettings = Pick<Settings, 'allowedRedirectUriSchemes'>;

export function nameProblem(name: string): Problem | null {
  const trimmed = name.trim();
  if (!trimmed) return { field: 'name', message: 'must not be empty' };
  if (trimmed.length > NAME_MAX) return { field: 'name', message: `must be at most ${NAME_MAX} characters` };
  return null;
}

const redirecting = GRANTS.filter((g) => g.needsRedirect);

/** RFC 6749 §3.1.2: the grants that send the browser back need somewhere to send it. */
export function redirectUrisRequired(grantTypes: readonly string[], redirectUris: readonly string[]): Problem | null {
  if (redirectUris.length > 0 || !redirecting.some((g) => grantTypes.includes(g.value))) return null;
  return { field: 'redirectUris', message: `the ${redirecting.map((g) => g.dotName).join(' and ')} grants need at least one redirect URI` };
}

/** RFC 6749 §4.4: client credentials authenticates with a secret a public client cannot keep. */
export function confidentialGrantProblem(clientType: ClientType, grantTypes: readonly string[]): Problem | null {
  if (clientType !== 'public') return null;
  const grant = GRANTS.find((g) => g.confidentialOnly && grantTypes.includes(g.value));
  return grant ? { field: 'grantTypes', message: `${grant.label.toLowerCase()} needs a confidential client` } : null;
}

/**
 * RFC 9449: "Require DPoP" binds every token to a key proved at the token endpoint; the implicit
 * grant hands tokens to the browser with no proof, so the two cannot go together.
 */
export function requireDpopProblem(grantTypes: readonly string[], requireDpop: boolean | undefined): Problem | null {
  return requireDpop && grantTypes.includes('implicit')
    ? { field: 'requireDpop', message: 'the implicit grant cannot issue DPoP-bound tokens; remove it or turn off Require DPoP' }
    : null;
}

/** RFC 7662 §4: a resource server proves who it is with its secret; a public client has none. */
function resourceServerProblem(clientType: ClientType, resourceServer: boolean | undefined): Problem | null {
  return resourceServer && clientType !== 'confidential'
    ? { field: 'resourceServer', message: 'needs a confidential client (it authenticates with its secret)' }
    : null;
}

/** A CORS origin: scheme://host[:port], nothing after it. */
function originProblem(origin: string): string | null {
  try {
    const u = new URL(origin);
    if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === origin) return null;
  } catch {
    /* not a URL */
  }
  return 'is not an origin (scheme://host[:port], no path)';
}

/** RFC 8707 §2: a resource indicator is an absolute URI without a fragment. */
function resourceUriProblem(uri: string): string | null {
  try {
    new URL(uri);
  } catch {
    return 'is not an absolute URI';
  }
  return uri.includes('#') ? 'must not have a fragment (#)' : null;
}

type ListField = keyof typeof LIST_MAX;

/**
 * How each list's entries are checked. Without settings (the browser) a redirect URI gets the
 * shape rules only; with them (the server) also https, loopback http and the schemes the
 * operator allows. A public client is a native app and may use its private-use scheme (RFC 8252 §7.1).
 */
function entryCheck(field: ListField, settings: RedirectSettings | null, clientType: ClientType): (value: string) => string | null {
  if (field === 'allowedOrigins') return originProblem;
  if (field === 'resources') return resourceUriProblem;
  return settings ? (uri) => redirectUriProblem(uri, settings, { native: clientType === 'public' }) : redirectUriShapeProblem;
}

/** A list's size, then its first bad entry, named in the message. */
export function listProblem(field: ListField, values: readonly string[], settings: RedirectSettings | null, clientType: ClientType = 'confidential'): Problem | null {
  if (values.length > LIST_MAX[field]) return { field, message: `at most ${LIST_MAX[field]} entries` };
  const check = entryCheck(field, settings, clientType);
  for (const value of values) {
    const problem = check(value);
    if (problem) return { field, message: `${value} ${problem}`, value };
  }
  return null;
}

/** Requests per minute as typed (the form's box, the CLI's flag): a whole number from 1 to MAX_RATE_LIMIT. */
export function rateLimitProblem(perMinute: string): Problem | null {
  const n = Number(perMinute);
  if (/^\d+$/.test(perMinute) && n >= 1 && n <= MAX_RATE_LIMIT) return null;
  return { field: 'rateLimit', message: `enter a whole number of requests per minute, from 1 to ${MAX_RATE_LIMIT.toLocaleString('en')}` };
}

/** What the server checks before it stores an application (the service; the CLI and the dashboard reach it there). */
export interface CheckedInput extends Omit<KeyInput, 'clientType'> {
  name: string;
  clientType: ClientType;
  grantTypes: readonly string[];
  redirectUris: readonly string[];
  postLogoutRedirectUris?: readonly string[];
  allowedOrigins?: readonly string[];
  resources?: readonly string[];
  rateLimit?: number | null;
  resourceServer?: boolean;
  deviceCodeLifetime?: number | null;
  /** RFC 9449 "Require DPoP". */
  requireDpop?: boolean;
  backchannelLogoutUri?: string | null;
  /** Issue 23: its logo, home page, privacy policy and terms (identity-rules.ts); '' or null = none. */
  logoUri?: string | null;
  clientUri?: string | null;
  policyUri?: string | null;
  tosUri?: string | null;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * OIDC Back-Channel Logout 1.0 §2.2 backchannel_logout_uri: an absolute URL without a fragment,
 * https (http only on loopback, for development: the spec lets an OP allow http), and no
 * credentials in it (they would sit in the database and the logs of whoever reads them).
 */
export function backchannelLogoutUriProblem(uri: string | null | undefined): Problem | null {
  if (!uri) return null;
  const field = 'backchannelLogoutUri';
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { field, message: 'the back-channel logout URI must be an absolute URL (https://…)' };
  }
  if (uri.includes('#')) return { field, message: 'the back-channel logout URI must not have a fragment (#…)' };
  if (url.username || url.password) return { field, message: 'the back-channel logout URI must not contain a user name or password' };
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  return { field, message: 'the back-channel logout URI must use https (http only on localhost, 127.0.0.1 or [::1])' };
}

/** RFC 8628: an application's own device code lifetime, in seconds (null: the setting's). */
export const DEVICE_CODE_LIFETIME = { min: 5, max: 86_400 } as const;

export function deviceCodeLifetimeProblem(seconds: number | null | undefined): Problem | null {
  if (seconds === null || seconds === undefined) return null;
  return Number.isSafeInteger(seconds) && seconds >= DEVICE_CODE_LIFETIME.min && seconds <= DEVICE_CODE_LIFETIME.max
    ? null
    : { field: 'deviceCodeLifetime', message: `the device code lifetime must be a whole number of seconds from ${DEVICE_CODE_LIFETIME.min} to ${DEVICE_CODE_LIFETIME.max}` };
}

/** Every rule, in the order a person fixes them; the first problem, or null. */
export function applicationProblem(input: CheckedInput, settings: RedirectSettings): Problem | null {
  const rateLimit = input.rateLimit ?? null;
  return (
    nameProblem(input.name) ??
    listProblem('redirectUris', input.redirectUris, settings, input.clientType) ??
    listProblem('postLogoutRedirectUris', input.postLogoutRedirectUris ?? [], settings, input.clientType) ??
    redirectUrisRequired(input.grantTypes, input.redirectUris) ??
    confidentialGrantProblem(input.clientType, input.grantTypes) ??
    listProblem('allowedOrigins', input.allowedOrigins ?? [], settings) ??
    listProblem('resources', input.resources ?? [], settings) ??
    resourceServerProblem(input.clientType, input.resourceServer) ??
    requireDpopProblem(input.grantTypes, input.requireDpop) ??
    deviceCodeLifetimeProblem(input.deviceCodeLifetime) ??
    backchannelLogoutUriProblem(input.backchannelLogoutUri) ??
    identityProblem(input) ??
    keysProblem(input) ??
    (rateLimit === null || rateLimit === 0 ? null : rateLimitProblem(String(rateLimit)))
  );
}

/** A rule's message as a sentence on a page: capitalised, unless it starts with the entry it is about (kept as typed). */
export function sentence(problem: Pick<Problem, 'message' | 'value'>): string {
  return problem.value !== undefined ? problem.message : problem.message.charAt(0).toUpperCase() + problem.message.slice(1);
}
