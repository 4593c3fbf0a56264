/**
 * An application's authentication method and keys (RFC 7523 private_key_jwt, OIDC Core §9):
 * the rule the form, the CLI and the service share. Browser-safe.
 */
import { jwksProblem, jwksUriProblem } from '@/lib/oauth/client-jwks';
import type { ClientType } from './options';
import type { Problem } from './rules';

/** What the dashboard offers: a client secret (null in the row), a private key JWT; public clients use none. */
export const KEY_AUTH_METHOD = 'private_key_jwt';
export type TokenEndpointAuthMethod = typeof KEY_AUTH_METHOD | null;

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
