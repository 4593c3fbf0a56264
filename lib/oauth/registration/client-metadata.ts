/**
 * RFC 7591 §2 client metadata, checked once for both ways a client registers itself: dynamic
 * registration (RFC 7591/7592) and client ID metadata documents. The application rules are
 * lib/applications/rules.ts's (the same ones the dashboard and the CLI apply; identity-rules.ts
 * for logo_uri, client_uri, policy_uri and tos_uri: https only), the grant types
 * a self-registered client may use are the grant table's (lib/applications/options.ts); here
 * they get RFC 7591 §3.2.2's codes: invalid_redirect_uri for a redirect URI,
 * invalid_client_metadata for anything else.
 * Unknown fields are ignored (§2: "the authorization server MUST ignore any client metadata
 * it does not understand"), so they are not stored either.
 */
import { GRANTS, REFRESH_TOKEN } from '@/lib/applications/options';
import { backchannelLogoutUriProblem, confidentialGrantProblem, listProblem, redirectUrisRequired } from '@/lib/applications/rules';
import { IDENTITY_FIELDS, IDENTITY_URI_PROBLEMS, identityUriProblem } from '@/lib/applications/identity-rules';
import { OAuthError } from '../errors';
import { checkClientKeys } from './client-keys';
import { hasControlCharacter } from '../http';
import { isOfferedScope } from '../scopes';
import { PRIVILEGED_SCOPES } from '../client-scopes';
import type { Settings } from '../settings';
import type { ClientMetadata, SelfRegisteredClient } from '../store';

export const AUTH_METHODS = ['none', 'client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt'] as const;
export type RegistrationAuthMethod = (typeof AUTH_METHODS)[number];
/** The grant table's self-registration grants, and refresh_token (RFC 7591 §2 lists it; it comes with the code grant). */
const GRANT_TYPES: string[] = [...GRANTS.filter((g) => g.selfRegistration).map((g) => g.value), REFRESH_TOKEN.value];
const STRING_FIELDS = ['client_name', 'client_uri', 'logo_uri', 'tos_uri', 'policy_uri', 'software_id', 'software_version'] as const;
/** Who the client is (issue 23): checked by the identity rule the dashboard and the CLI apply (https only). */
const URI_FIELDS = new Set<string>(IDENTITY_FIELDS.map((f) => f.metadata));

/**
 * RFC 7591 sets no bounds, so this server does: every value is stored and shown on consent
 * pages, and an unbounded registration is free storage for anyone (issue 15 item 17).
 */
export const METADATA_LIMITS = {
  bodyBytes: 64 * 1024,
  clientName: 200,
  /** client_uri, logo_uri, tos_uri, policy_uri, and each redirect URI. */
  uri: 2000,
  shortString: 200,
  redirectUris: 20,
  contacts: 10,
  contact: 320,
  /** grant_types and response_types. */
  listEntries: 10,
  scope: 1000,
} as const;

const STRING_LIMITS: Record<(typeof STRING_FIELDS)[number], number> = {
  client_name: METADATA_LIMITS.clientName,
  client_uri: METADATA_LIMITS.uri,
  logo_uri: METADATA_LIMITS.uri,
  tos_uri: METADATA_LIMITS.uri,
  policy_uri: METADATA_LIMITS.uri,
  software_id: METADATA_LIMITS.shortString,
  software_version: METADATA_LIMITS.shortString,
};

export interface MetadataRules {
  /** Auth methods this registration may use (public DCR and metadata documents: `none` only). */
  allowedAuthMethods: readonly RegistrationAuthMethod[];
  /** Used when token_endpoint_auth_method is omitted. */
  defaultAuthMethod: RegistrationAuthMethod;
  settings: Pick<Settings, 'allowedRedirectUriSchemes' | 'scopes'>;
  /**
   * What a logo_uri, client_uri, policy_uri or tos_uri the identity rule refuses does: 'refuse'
   * (registration, RFC 7591 §3.2.2 invalid_client_metadata: the client's developer reads it) or
   * 'drop' (client ID metadata documents: fetched while a person signs in, who could not fix it,
   * and a link the pages would never show must not stop them). Default 'refuse'.
   */
  refusedLinks?: 'refuse' | 'drop';
}

export interface CheckedMetadata {
  client: SelfRegisteredClient;
  authMethod: RegistrationAuthMethod;
}

const bad = (description: string) => new OAuthError('invalid_client_metadata', description);

function stringArray(raw: Record<string, unknown>, name: string, max: number, code: 'invalid_client_metadata' | 'invalid_redirect_uri' = 'invalid_client_metadata'): string[] | undefined {
  const v = raw[name];
  if (v === undefined || v === null) return undefined;
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) throw bad(`${name} must be an array of strings`);
  if (v.length > max) throw new OAuthError(code, `${name} may have at most ${max} entries`);
  return v as string[];
}

/** The fields stored as text: a control character in one (U+0000 above all, which PostgreSQL text cannot hold) is refused. */
const TEXT_FIELDS = [...STRING_FIELDS, 'redirect_uris', 'contacts', 'scope'];

export function checkClientMetadata(raw: unknown, rules: MetadataRules): CheckedMetadata {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad('client metadata must be a JSON object');
  const input = raw as Record<string, unknown>;
  for (const field of TEXT_FIELDS) {
    const v = input[field];
    const values = Array.isArray(v) ? v : [v];
    if (values.some((x) => typeof x === 'string' && hasControlCharacter(x))) throw bad(`${field} contains a control character`);
  }

  const method = input.token_endpoint_auth_method ?? rules.defaultAuthMethod;
  if (typeof method !== 'string' || !(AUTH_METHODS as readonly string[]).includes(method)) {
    throw bad(`token_endpoint_auth_method "${String(method)}" is not supported (supported: ${AUTH_METHODS.join(', ')})`);
  }
  const authMethod = method as RegistrationAuthMethod;
  if (!rules.allowedAuthMethods.includes(authMethod)) {
    throw bad(`token_endpoint_auth_method "${authMethod}" is not allowed here: only ${rules.allowedAuthMethods.join(', ')}`);
  }
  const clientType = authMethod === 'none' ? 'public' : 'confidential';

  // §2: grant_types defaults to authorization_code, response_types to code.
  const grantTypes = [...new Set(stringArray(input, 'grant_types', METADATA_LIMITS.listEntries) ?? ['authorization_code'])];
  for (const g of grantTypes) {
    if (!GRANT_TYPES.includes(g)) throw bad(`grant_type "${g}" is not supported (supported: ${GRANT_TYPES.join(', ')})`);
  }
  const confidential = confidentialGrantProblem(clientType, grantTypes);
  if (confidential) {
    const grant = GRANTS.find((g) => g.confidentialOnly && grantTypes.includes(g.value))!.value;
    throw bad(`grant_type "${grant}": ${confidential.message} (a token_endpoint_auth_method other than none)`);
  }
  // A client without the code grant (e.g. only the device code grant, RFC 8628) has no response type by default.
  const responseTypes = [...new Set(stringArray(input, 'response_types', METADATA_LIMITS.listEntries) ?? (grantTypes.includes('authorization_code') ? ['code'] : []))];
  for (const r of responseTypes) if (r !== 'code') throw bad(`response_type "${r}" is not supported (only code)`);
  // §2.1: grant_types and response_types must agree.
  if (responseTypes.length && !grantTypes.includes('authorization_code')) throw bad('response_types "code" needs the authorization_code grant type');
  if (!responseTypes.length && grantTypes.includes('authorization_code')) throw bad('the authorization_code grant type needs response_types ["code"]');

  const redirectUris = stringArray(input, 'redirect_uris', METADATA_LIMITS.redirectUris, 'invalid_redirect_uri') ?? [];
  const missing = redirectUrisRequired(grantTypes, redirectUris);
  if (missing) throw new OAuthError('invalid_redirect_uri', `redirect_uris is required: ${missing.message}`);
  if (redirectUris.some((uri) => uri.length > METADATA_LIMITS.uri)) {
    throw new OAuthError('invalid_redirect_uri', `each redirect URI may be at most ${METADATA_LIMITS.uri} characters`);
  }
  const uriProblem = listProblem('redirectUris', redirectUris, rules.settings, clientType);
  if (uriProblem) throw new OAuthError('invalid_redirect_uri', `redirect URI ${uriProblem.message}`);

  const keys = checkClientKeys(input, authMethod);
  const metadata: ClientMetadata = {
    redirect_uris: redirectUris,
    token_endpoint_auth_method: authMethod,
    grant_types: grantTypes,
    response_types: responseTypes,
    ...(keys.jwks ? { jwks: keys.jwks } : {}),
    ...(keys.jwksUri ? { jwks_uri: keys.jwksUri } : {}),
  };
  for (const field of STRING_FIELDS) {
    const v = input[field];
    if (v === undefined || v === null) continue;
    if (typeof v !== 'string') throw bad(`${field} must be a string`);
    if (v.length > STRING_LIMITS[field]) throw bad(`${field} may be at most ${STRING_LIMITS[field]} characters`);
    const linkProblem = URI_FIELDS.has(field) ? identityUriProblem(v) : null;
    if (linkProblem && rules.refusedLinks === 'drop') continue;
    if (linkProblem) throw bad(`${field} ${IDENTITY_URI_PROBLEMS[linkProblem]}`);
    metadata[field] = v;
  }
  const contacts = stringArray(input, 'contacts', METADATA_LIMITS.contacts);
  if (contacts?.some((c) => c.length > METADATA_LIMITS.contact)) throw bad(`each contact may be at most ${METADATA_LIMITS.contact} characters`);
  if (contacts) metadata.contacts = contacts;
  if (input.scope !== undefined && input.scope !== null) {
    if (typeof input.scope !== 'string') throw bad('scope must be a space-separated string');
    if (input.scope.length > METADATA_LIMITS.scope) throw bad(`scope may be at most ${METADATA_LIMITS.scope} characters`);
    const scopes = input.scope.split(' ').filter(Boolean);
    const unknown = scopes.find((s) => !isOfferedScope(rules.settings, s));
    if (unknown) throw bad(`scope "${unknown}" is not offered by this server`);
    // Issue 19: a client cannot register itself into a privileged scope; an operator grants it.
    const privileged = scopes.find((s) => PRIVILEGED_SCOPES.includes(s));
    if (privileged) throw bad(`scope "${privileged}" is only for applications an operator has marked as resource servers`);
    metadata.scope = [...new Set(scopes)].join(' ');
  }
  // RFC 9126 §6: the client asks that /o/authorize take only its pushed requests.
  const requirePar = input.require_pushed_authorization_requests;
  if (requirePar !== undefined && requirePar !== null && typeof requirePar !== 'boolean') throw bad('require_pushed_authorization_requests must be true or false');
  if (requirePar === true) metadata.require_pushed_authorization_requests = true;
  // RFC 9449 §5.2: the client asks that its tokens always be DPoP-bound ("Require DPoP").
  const dpopBound = input.dpop_bound_access_tokens;
  if (dpopBound !== undefined && dpopBound !== null && typeof dpopBound !== 'boolean') throw bad('dpop_bound_access_tokens must be true or false');
  if (dpopBound === true) metadata.dpop_bound_access_tokens = true;
  // OIDC Back-Channel Logout 1.0 §2.2: checked by the same rule as the dashboard's field.
  const logoutUri = input.backchannel_logout_uri;
  if (logoutUri !== undefined && logoutUri !== null) {
    if (typeof logoutUri !== 'string') throw bad('backchannel_logout_uri must be a string');
    const problem = backchannelLogoutUriProblem(logoutUri);
    if (problem) throw bad(problem.message.replace('the back-channel logout URI', 'backchannel_logout_uri'));
    metadata.backchannel_logout_uri = logoutUri;
  }
  const sessionRequired = input.backchannel_logout_session_required;
  if (sessionRequired !== undefined && sessionRequired !== null && typeof sessionRequired !== 'boolean') throw bad('backchannel_logout_session_required must be true or false');
  if (sessionRequired === true) metadata.backchannel_logout_session_required = true;

  return {
    authMethod,
    client: {
      clientType,
      clientSecretDigest: null,
      tokenEndpointAuthMethod: authMethod,
      jwks: keys.jwks ?? null,
      jwksUri: keys.jwksUri ?? null,
      // Stored as the dashboard stores them: refresh_token comes with authorization_code.
      grantTypes: grantTypes.filter((g) => g !== REFRESH_TOKEN.value),
      redirectUris,
      name: (metadata.client_name as string | undefined)?.trim() || fallbackName(redirectUris),
      metadata,
      requirePushedAuthorizationRequests: requirePar === true,
      requireDpop: dpopBound === true,
      backchannelLogoutUri: typeof metadata.backchannel_logout_uri === 'string' ? metadata.backchannel_logout_uri : null,
      backchannelLogoutSessionRequired: sessionRequired === true,
      // The registered scope is what it may request (enforced at authorize and token); absent = the default list.
      allowedScopes: typeof metadata.scope === 'string' ? metadata.scope.split(' ').filter(Boolean) : null,
    },
  };
}

/** A client without client_name is shown by where it sends people back to. */
function fallbackName(redirectUris: string[]): string {
  const first = redirectUris[0];
  if (!first) return 'Unnamed client';
  try {
    const u = new URL(first);
    return u.hostname || u.protocol.replace(/:$/, '');
  } catch {
    return 'Unnamed client';
  }
}
