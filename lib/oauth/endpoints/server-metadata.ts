/** RFC 8414: authorization server metadata (and the OIDC Discovery document built on it). */
import { CLIENT_AUTH_METHODS } from '../client-auth';
import { ASSERTION_ALGS } from '../client-jwks';
import { CLIENT_SECRET_JWT, HMAC_ASSERTION_ALGS } from '../client-secret-jwt';
import { SUPPORTED_GRANT_TYPES } from '@/lib/applications/options';
import type { Deps } from '../context';
import { issuerFor } from '../context';
import { withPublicCors } from '../cors';
import { json } from '../http';
import { endpointUrl } from '../paths';
import { pkceMethods } from '../pkce';

export function serverMetadata(req: Request, deps: Deps): Record<string, unknown> {
  const issuer = issuerFor(req, deps.settings);
  // client_secret_jwt needs the sealer that keeps such clients' secrets (Deps.clientSecretSealer).
  const authMethods = deps.clientSecretSealer ? CLIENT_AUTH_METHODS : CLIENT_AUTH_METHODS.filter((m) => m !== CLIENT_SECRET_JWT);
  const assertionAlgs = deps.clientSecretSealer ? [...ASSERTION_ALGS, ...HMAC_ASSERTION_ALGS] : ASSERTION_ALGS;
  const oidc = !!deps.idTokens;
  return {
    issuer,
    authorization_endpoint: endpointUrl(issuer, 'authorize'),
    token_endpoint: endpointUrl(issuer, 'token'),
    revocation_endpoint: endpointUrl(issuer, 'revoke'),
    introspection_endpoint: endpointUrl(issuer, 'introspect'),
    // RFC 8628 §4, RFC 9126 §5
    device_authorization_endpoint: endpointUrl(issuer, 'deviceAuthorization'),
    pushed_authorization_request_endpoint: endpointUrl(issuer, 'par'),
    require_pushed_authorization_requests: deps.settings.requirePushedAuthorizationRequests,
    ...(oidc
      ? { userinfo_endpoint: endpointUrl(issuer, 'userinfo'), jwks_uri: endpointUrl(issuer, 'jwks'), end_session_endpoint: endpointUrl(issuer, 'logout') }
      : {}),
    scopes_supported: Object.keys(deps.settings.scopes),
    response_types_supported: ['code', 'token', ...(oidc ? ['id_token', 'id_token token'] : [])],
    response_modes_supported: ['query', 'fragment'],
    grant_types_supported: SUPPORTED_GRANT_TYPES,
    token_endpoint_auth_methods_supported: authMethods,
    revocation_endpoint_auth_methods_supported: authMethods,
    introspection_endpoint_auth_methods_supported: [...authMethods.filter((m) => m !== 'none'), 'bearer'],
    // RFC 7523: the algorithms a client assertion may be signed with (private_key_jwt; HS256 for client_secret_jwt).
    token_endpoint_auth_signing_alg_values_supported: assertionAlgs,
    revocation_endpoint_auth_signing_alg_values_supported: assertionAlgs,
    introspection_endpoint_auth_signing_alg_values_supported: assertionAlgs,
    code_challenge_methods_supported: pkceMethods(deps.settings),
    // RFC 9207: every authorization response carries iss.
    authorization_response_iss_parameter_supported: true,
    service_documentation: `${issuer}/`,
    // RFC 7591 §3 / RFC 8414 §2: where clients register themselves, when they may.
    ...(deps.settings.clients.dynamicRegistration !== 'off' ? { registration_endpoint: endpointUrl(issuer, 'register') } : {}),
    // draft-ietf-oauth-client-id-metadata-document: an https URL may be used as client_id.
    ...(deps.settings.clients.metadataDocuments ? { client_id_metadata_document_supported: true } : {}),
  };
}

export async function metadata(req: Request, deps: Deps): Promise<Response> {
  return withPublicCors(json(serverMetadata(req, deps), 200, { 'Cache-Control': 'public, max-age=300' }));
}
