/**
 * An application's authentication method and keys (RFC 7523 private_key_jwt, OIDC Core §9):
 * the rule the form, the CLI and the service share. Browser-safe.
 */
import { jwksProblem, jwksUriProblem } from '@/lib/oauth/client-jwks';
import type { ClientType } from './options';
import type { Problem } from './rules';

/** What the dashboard offers: a client secret (null in the row), a private key JWT, a secret-signed JWT; public clients use none. */
export const KEY_AUTH_METHOD = 'private_key_jwt';
/** RFC 7523 client_secret_jwt: the secret signs a JWT (HS256) instead of travelling; the server keeps it sealed. */
export const SECRET_JWT_AUTH_METHOD = 'client_secret_jwt';
export type TokenEndpointAuthMethod = typeof KEY_AUTH_METHOD | typeof SECRET_JWT_AUTH_METHOD | null;

export interface KeyInput {
  clientType: ClientType;
  tokenEndpointAuthMethod?: string | null;
  jwks?: unknown;
  jwksUri?: string | null;
}

/** private_key_jwt needs a confidential client and exactly one source of keys; keys without it are a mistake. */
export function keysProblem(input: KeyInput): Problem | null {
  const method = input.tokenEndpointAuthMethod ?? null;
  const hasJwks = input.jwks !== undefined && input.jwks !== null;
  const hasUri = !!input.jwksUri;
  if (method === SECRET_JWT_AUTH_METHOD && input.clientType !== 'confidential') return { field: 'tokenEndpointAuthMethod', message: 'client secret JWT needs a confidential client' };
  // Other values (client_secret_basic, none…) come from dynamic registration: a secret-based method.
  if (method !== KEY_AUTH_METHOD) {
    return hasJwks || hasUri ? { field: hasJwks ? 'jwks' : 'jwksUri', message: 'keys are used only with the private key JWT authentication method' } : null;
  }
  if (input.clientType !== 'confidential') return { field: 'tokenEndpointAuthMethod', message: 'private key JWT needs a confidential client' };
  if (hasJwks && hasUri) return { field: 'jwks', message: 'give the keys inline (JWKS) or by URL (JWKS URI), not both' };
  if (!hasJwks && !hasUri) return { field: 'jwks', message: 'private key JWT needs the client\'s public keys: a JWKS or a JWKS URI' };
  if (hasJwks) {
    const problem = jwksProblem(input.jwks);
    return problem ? { field: 'jwks', message: problem } : null;
  }
  const problem = jwksUriProblem(input.jwksUri!);
  return problem ? { field: 'jwksUri', message: `${input.jwksUri} ${problem}`, value: input.jwksUri! } : null;
}

/** The form's choices (a public client authenticates with none: its client_id alone). */
export const AUTH_METHOD_OPTIONS = [
  { value: 'client_secret', label: 'Client secret', description: 'A secret this server generates, sent with each token request.' },
  { value: 'private_key_jwt', label: 'Private key JWT', description: 'Your server signs a short JWT with its own key (RFC 7523). Nothing secret is shared.' },
  {
    value: 'client_secret_jwt',
    label: 'Client secret JWT',
    description: 'Your server signs a short JWT with the client secret (HS256, RFC 7523); the secret itself never travels. This server keeps it encrypted.',
  },
] as const;
export type AuthMethodOption = (typeof AUTH_METHOD_OPTIONS)[number]['value'];
export const AUTH_METHOD_VALUES = AUTH_METHOD_OPTIONS.map((o) => o.value) as [AuthMethodOption, ...AuthMethodOption[]];

/** RFC 9068: opaque tokens are checked by introspection; JWTs can be verified by the API itself. */
export const ACCESS_TOKEN_FORMATS = [
  { value: 'opaque', label: 'Opaque (default)', description: 'A random string. APIs check it by asking this server (introspection).' },
  { value: 'jwt', label: 'JWT (RFC 9068)', description: 'A signed token APIs verify with this server’s public keys, without calling it.' },
] as const;
export type AccessTokenFormat = (typeof ACCESS_TOKEN_FORMATS)[number]['value'];
export const ACCESS_TOKEN_FORMAT_VALUES = ACCESS_TOKEN_FORMATS.map((o) => o.value) as [AccessTokenFormat, ...AccessTokenFormat[]];
