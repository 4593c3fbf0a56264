/**
 * The application form's one schema: the register and edit forms validate with it in the
 * browser (react-hook-form + zodResolver) and their server actions validate the same FormData
 * again (form-state.ts). Every check is a rule from rules.ts; here they only get their form
 * wording (capitalised, beside the field). The settings-dependent redirect URI rules (https
 * only, http for loopback, the schemes the operator allows) run on the server, in the service.
 *
 * "Skip authorization" is not a field: only operators set it (`manage createapplication
 * --skip-authorization`, `manage updateapplication`), so a crafted POST naming it is ignored here
 * and never reaches the store (a stranger's app could otherwise skip the consent page).
 */
import { z } from 'zod';
import type { ApplicationDetails } from '@/lib/dashboard/views';
import {
  ALGORITHM_VALUES,
  CLIENT_TYPE_VALUES,
  GRANT_TYPES,
  isGrantType,
  rateLimitMode,
  RATE_LIMIT_MODE_VALUES,
  type GrantType,
} from './options';
import { ACCESS_TOKEN_FORMAT_VALUES, AUTH_METHOD_VALUES, keysProblem, KEY_AUTH_METHOD, SECRET_JWT_AUTH_METHOD, type TokenEndpointAuthMethod } from './key-rules';
import { parseJwks, JWKS_MAX_CHARS, type JsonWebKeySet } from '@/lib/oauth/client-jwks';
import { lifetimeProblem, type LifetimeField } from './policy';
import { IDENTITY_FIELDS, IDENTITY_URI_MAX, IDENTITY_URI_PROBLEMS, identityUriProblem, type IdentityField } from './identity-rules';
import { backchannelLogoutUriProblem, confidentialGrantProblem, listProblem, nameProblem, rateLimitProblem, redirectUrisRequired, requireDpopProblem, sentence, type Problem } from './rules';

/** One URI per line; blank lines and surrounding spaces are ignored. */
function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A textarea of one value per line → the list, checked by the list's rule (the shape rules: no settings in the browser). */
function lines(field: Parameters<typeof listProblem>[0]) {
  return z
    .string()
    .max(20_000, 'Too long')
    .transform(splitLines)
    .superRefine((values, ctx) => {
      const problem = listProblem(field, values, null);
      if (problem) ctx.addIssue({ code: 'custom', message: sentence(problem) });
    });
}

const issue = (ctx: z.RefinementCtx, problem: Problem | null, path: string = problem?.field ?? '') => {
  if (problem) ctx.addIssue({ code: 'custom', path: [path], message: sentence(problem) });
};

const fields = {
  name: z.string().trim().superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: `Name ${problem.message}` });
  }),
  clientType: z.enum(CLIENT_TYPE_VALUES, 'Choose a client type'),
  grantTypes: z
    .array(z.enum(GRANT_TYPES, 'Unknown grant type'), 'Choose at least one grant type')
    .min(1, 'Choose at least one grant type')
    .transform((grants) => [...new Set(grants)]),
  redirectUris: lines('redirectUris'),
  postLogoutRedirectUris: lines('postLogoutRedirectUris'),
  allowedOrigins: lines('allowedOrigins'),
  resources: lines('resources'),
  algorithm: z.enum(ALGORITHM_VALUES, 'Choose RS256, ES256 or none'),
  rateLimitMode: z.enum(RATE_LIMIT_MODE_VALUES, 'Choose the default, a custom limit or no limit'),
  rateLimitPerMinute: z.string().trim().max(20, 'Too long'),
  /** RFC 9126 §5 "Require PAR" (stored as require_pushed_authorization_requests). */
  requirePar: z.boolean(),
  // RFC 7523: how a confidential client authenticates; its public keys inline (JSON) or by URL. RFC 9068: the token format.
  tokenEndpointAuthMethod: z.enum(AUTH_METHOD_VALUES, 'Choose client secret, private key JWT or client secret JWT'),
  jwks: z.string().trim().max(JWKS_MAX_CHARS, 'Too long'),
  jwksUri: z.string().trim().max(2000, 'Too long'),
  accessTokenFormat: z.enum(ACCESS_TOKEN_FORMAT_VALUES, 'Choose opaque or JWT'),
  // Issue 19: the scopes it may request (the server checks each against OAUTH2_SCOPES), its lifetimes (blank = the server's), refresh tokens.
  allowedScopes: z.array(z.string().max(100, 'Too long'), 'Choose the scopes').max(100, 'Too many scopes').transform((s) => [...new Set(s)]),
  accessTokenLifetime: lifetimeField('accessTokenLifetime'),
  refreshTokenLifetime: lifetimeField('refreshTokenLifetime'),
  idTokenLifetime: lifetimeField('idTokenLifetime'),
  issueRefreshTokens: z.enum(['on', 'off'], 'Choose whether to issue refresh tokens'),
  /** Issue 22 "Require two-factor sign-in". */
  requireMfa: z.boolean(),
  /** RFC 9449 "Require DPoP" (RFC 7591 dpop_bound_access_tokens). */
  requireDpop: z.boolean(),
  /** OIDC Back-Channel Logout 1.0: blank = none. */
  backchannelLogoutUri: z
    .string()
    .trim()
    .max(2000, 'Too long')
    .superRefine((uri, ctx) => {
      const problem = backchannelLogoutUriProblem(uri);
      if (problem) ctx.addIssue({ code: 'custom', message: sentence(problem) });
    }),
  backchannelLogoutSessionRequired: z.boolean(),
  // Issue 23: who it is, shown on the consent page (identity-rules.ts); blank = none.
  logoUri: identityField('logoUri'),
  clientUri: identityField('clientUri'),
  policyUri: identityField('policyUri'),
  tosUri: identityField('tosUri'),
};

/**
 * One of the four identity links as typed: blank (none), or a link the identity rule accepts
 * ("Logo URL must use https"). Absent (a form from before the fields existed) = unchanged.
 */
function identityField(field: IdentityField) {
  const label = IDENTITY_FIELDS.find((f) => f.field === field)!.label;
  return z
    .string()
    .trim()
    .max(IDENTITY_URI_MAX * 2, 'Too long')
    .superRefine((uri, ctx) => {
      const problem = uri ? identityUriProblem(uri) : null;
      if (problem) ctx.addIssue({ code: 'custom', message: `${label} ${IDENTITY_URI_PROBLEMS[problem]}` });
    })
    .optional();
}

/** A lifetime in seconds as typed: blank = the server's setting, else a whole number within the bounds. */
function lifetimeField(field: LifetimeField) {
  return z
    .string()
    .trim()
    .max(20, 'Too long')
    .superRefine((text, ctx) => {
      if (!text) return;
      const problem = /^\d+$/.test(text) ? lifetimeProblem(field, Number(text)) : lifetimeProblem(field, NaN);
      if (problem) ctx.addIssue({ code: 'custom', message: sentence(problem) });
    });
}

export const applicationSchema = z.object(fields).superRefine((app, ctx) => {
  if (app.rateLimitMode === 'custom') issue(ctx, rateLimitProblem(app.rateLimitPerMinute), 'rateLimitPerMinute');
  issue(ctx, redirectUrisRequired(app.grantTypes, app.redirectUris));
  issue(ctx, confidentialGrantProblem(app.clientType, app.grantTypes));
  issue(ctx, requireDpopProblem(app.grantTypes, app.requireDpop));
  const keys = storedKeys(app);
  if ('problem' in keys) issue(ctx, { field: 'jwks', message: keys.problem });
  else issue(ctx, keysProblem({ clientType: app.clientType, ...keys }));
});

/**
 * The form's key fields as the service takes them. A public client has none (the fields are
 * ignored); a client secret keeps none either, so switching back drops the keys.
 */
type StoredKeys = { tokenEndpointAuthMethod: TokenEndpointAuthMethod; jwks: JsonWebKeySet | null; jwksUri: string | null } | { problem: string };

function storedKeys(app: Pick<z.output<z.ZodObject<typeof fields>>, 'clientType' | 'tokenEndpointAuthMethod' | 'jwks' | 'jwksUri'>): StoredKeys {
  if (app.clientType === 'confidential' && app.tokenEndpointAuthMethod === SECRET_JWT_AUTH_METHOD) return { tokenEndpointAuthMethod: SECRET_JWT_AUTH_METHOD, jwks: null, jwksUri: null };
  if (app.clientType !== 'confidential' || app.tokenEndpointAuthMethod !== KEY_AUTH_METHOD) return { tokenEndpointAuthMethod: null, jwks: null, jwksUri: null };
  let jwks: JsonWebKeySet | null = null;
  if (app.jwks) {
    const parsed = parseJwks(app.jwks);
    if ('problem' in parsed) return { problem: parsed.problem };
    jwks = parsed.jwks;
  }
  return { tokenEndpointAuthMethod: KEY_AUTH_METHOD, jwks, jwksUri: app.jwksUri || null };
}

/** What the form holds: the textareas are strings. */
export type ApplicationFormValues = z.input<typeof applicationSchema>;
/** What the server stores: the textareas are lists. */
export type ApplicationData = z.output<typeof applicationSchema>;
export type ApplicationFormField = keyof ApplicationFormValues;

export const APPLICATION_FORM_FIELDS = Object.keys(fields) as ApplicationFormField[];

/**
 * The submitted form as the schema reads it. Not `Object.fromEntries(formData)`: grant types
 * are several checkboxes of one name, and an unchecked checkbox sends nothing.
 */
export function applicationFormValues(formData: FormData): ApplicationFormValues {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === 'string' ? v : '';
  };
  const sent = (name: string) => (formData.has(name) ? text(name) : undefined);
  return {
    name: text('name'),
    clientType: text('clientType') as ApplicationFormValues['clientType'],
    grantTypes: formData.getAll('grantTypes').filter((v): v is string => typeof v === 'string') as ApplicationFormValues['grantTypes'],
    redirectUris: text('redirectUris'),
    postLogoutRedirectUris: text('postLogoutRedirectUris'),
    allowedOrigins: text('allowedOrigins'),
    resources: text('resources'),
    algorithm: text('algorithm') as ApplicationFormValues['algorithm'],
    // A form without the field (an older page) keeps the settings' limit.
    rateLimitMode: (text('rateLimitMode') || 'default') as ApplicationFormValues['rateLimitMode'],
    rateLimitPerMinute: text('rateLimitPerMinute'),
    // A checkbox sends its value only when ticked.
    requirePar: formData.has('requirePar'),
    // A form without the fields (an older page) keeps a client secret and opaque tokens.
    tokenEndpointAuthMethod: (text('tokenEndpointAuthMethod') || 'client_secret') as ApplicationFormValues['tokenEndpointAuthMethod'],
    jwks: text('jwks'),
    jwksUri: text('jwksUri'),
    accessTokenFormat: (text('accessTokenFormat') || 'opaque') as ApplicationFormValues['accessTokenFormat'],
    allowedScopes: formData.getAll('allowedScopes').filter((v): v is string => typeof v === 'string'),
    accessTokenLifetime: text('accessTokenLifetime'),
    refreshTokenLifetime: text('refreshTokenLifetime'),
    idTokenLifetime: text('idTokenLifetime'),
    // A form without the field (an older page) keeps refresh tokens on.
    issueRefreshTokens: text('issueRefreshTokens') === 'off' ? 'off' : 'on',
    requireMfa: formData.get('requireMfa') === 'on',
    requireDpop: formData.get('requireDpop') === 'on',
    backchannelLogoutUri: text('backchannelLogoutUri'),
    backchannelLogoutSessionRequired: formData.get('backchannelLogoutSessionRequired') === 'on',
    // A form without the fields (an older page) keeps the links as they are.
    logoUri: sent('logoUri'),
    clientUri: sent('clientUri'),
    policyUri: sent('policyUri'),
    tosUri: sent('tosUri'),
  };
}

/** The stored rate_limit column from the form: null = the settings', 0 = no limit. */
function rateLimitFrom(data: Pick<ApplicationData, 'rateLimitMode' | 'rateLimitPerMinute'>): number | null {
  if (data.rateLimitMode === 'none') return 0;
  return data.rateLimitMode === 'custom' ? Number(data.rateLimitPerMinute) : null;
}

/** The form's data as the service takes it: its two rate-limit fields become the one rate_limit column. */
export function storedApplication(data: ApplicationData) {
  const { rateLimitMode, rateLimitPerMinute, requirePar, tokenEndpointAuthMethod, jwks, jwksUri, issueRefreshTokens, accessTokenLifetime, refreshTokenLifetime, idTokenLifetime, backchannelLogoutUri, ...rest } = data;
  const keys = storedKeys({ clientType: data.clientType, tokenEndpointAuthMethod, jwks, jwksUri });
  // The schema refused a bad JWKS before this runs.
  if ('problem' in keys) throw new Error(keys.problem);
  const seconds = (text: string) => (text ? Number(text) : null);
  return {
    ...rest,
    ...keys,
    rateLimit: rateLimitFrom({ rateLimitMode, rateLimitPerMinute }),
    requirePushedAuthorizationRequests: requirePar,
    accessTokenLifetime: seconds(accessTokenLifetime),
    refreshTokenLifetime: seconds(refreshTokenLifetime),
    idTokenLifetime: seconds(idTokenLifetime),
    issueRefreshTokens: issueRefreshTokens === 'on',
    backchannelLogoutUri: backchannelLogoutUri || null,
  };
}

/** What the edit form starts from: a stored application's columns (as the dashboard reads them). */
type StoredApplicationFields = Pick<ApplicationDetails, 'name' | 'clientType' | 'grantTypes' | 'redirectUris' | 'postLogoutRedirectUris' | 'allowedOrigins' | 'algorithm'> &
  Partial<Pick<ApplicationDetails, 'resources' | 'rateLimit' | 'requirePushedAuthorizationRequests' | 'tokenEndpointAuthMethod' | 'jwks' | 'jwksUri' | 'accessTokenFormat' | LifetimeField | 'issueRefreshTokens' | 'requireMfa' | 'requireDpop' | 'backchannelLogoutUri' | 'backchannelLogoutSessionRequired' | IdentityField>>;

/**
 * A stored application as the edit form's starting values. `allowedScopes`: the scopes it may
 * request now (lib/oauth/client-scopes.ts allowedScopesFor, which resolves a null list).
 */
export function applicationToFormValues(app: StoredApplicationFields, allowedScopes: string[] = []): ApplicationFormValues {
  const rateLimit = app.rateLimit ?? null;
  const lifetime = (f: LifetimeField) => (app[f] == null ? '' : String(app[f]));
  return {
    allowedScopes,
    accessTokenLifetime: lifetime('accessTokenLifetime'),
    refreshTokenLifetime: lifetime('refreshTokenLifetime'),
    idTokenLifetime: lifetime('idTokenLifetime'),
    issueRefreshTokens: app.issueRefreshTokens === false ? 'off' : 'on',
    name: app.name,
    clientType: app.clientType,
    grantTypes: app.grantTypes.filter((g): g is GrantType => isGrantType(g)),
    redirectUris: app.redirectUris.join('\n'),
    postLogoutRedirectUris: app.postLogoutRedirectUris.join('\n'),
    allowedOrigins: app.allowedOrigins.join('\n'),
    resources: (app.resources ?? []).join('\n'),
    algorithm: (ALGORITHM_VALUES as readonly string[]).includes(app.algorithm) ? (app.algorithm as ApplicationFormValues['algorithm']) : '',
    rateLimitMode: rateLimitMode(rateLimit),
    rateLimitPerMinute: rateLimit ? String(rateLimit) : '',
    requirePar: app.requirePushedAuthorizationRequests ?? false,
    tokenEndpointAuthMethod: app.tokenEndpointAuthMethod === KEY_AUTH_METHOD || app.tokenEndpointAuthMethod === SECRET_JWT_AUTH_METHOD ? app.tokenEndpointAuthMethod : 'client_secret',
    jwks: app.jwks ? JSON.stringify(app.jwks, null, 2) : '',
    jwksUri: app.jwksUri ?? '',
    accessTokenFormat: app.accessTokenFormat ?? 'opaque',
    requireMfa: app.requireMfa ?? false,
    requireDpop: app.requireDpop ?? false,
    backchannelLogoutUri: app.backchannelLogoutUri ?? '',
    backchannelLogoutSessionRequired: app.backchannelLogoutSessionRequired ?? false,
    logoUri: app.logoUri ?? '',
    clientUri: app.clientUri ?? '',
    policyUri: app.policyUri ?? '',
    tosUri: app.tosUri ?? '',
  };
}

export const EMPTY_APPLICATION: ApplicationFormValues = {
  name: '',
  clientType: 'confidential',
  grantTypes: ['authorization_code'],
  redirectUris: '',
  postLogoutRedirectUris: '',
  allowedOrigins: '',
  resources: '',
  algorithm: '',
  rateLimitMode: 'default',
  rateLimitPerMinute: '',
  requirePar: false,
  tokenEndpointAuthMethod: 'client_secret',
  jwks: '',
  jwksUri: '',
  accessTokenFormat: 'opaque',
  // The register page sets the server's default scopes plus openid profile email (policy.ts initialScopes).
  allowedScopes: [],
  accessTokenLifetime: '',
  refreshTokenLifetime: '',
  idTokenLifetime: '',
  issueRefreshTokens: 'on',
  requireMfa: false,
  requireDpop: false,
  backchannelLogoutUri: '',
  backchannelLogoutSessionRequired: false,
  logoUri: '',
  clientUri: '',
  policyUri: '',
  tosUri: '',
};

/** What the register and edit actions answer; the form shows it (a panel with the secret on success). */
export type ApplicationFormState =
  | { ok: false; fieldErrors?: Partial<Record<ApplicationFormField, string[]>>; formError?: string; values: ApplicationFormValues }
  | { ok: true; id: string; name: string; clientId: string; clientSecret: string | null; keyAuthentication?: boolean; secretSealed?: boolean }
  | null;
