/**
 * RFC 7591 §2 jwks / jwks_uri for token_endpoint_auth_method private_key_jwt (RFC 7523): exactly
 * one of them, public signing keys only, jwks_uri over https. Keys sent with another method
 * are not stored (this server uses client keys for nothing else).
 */
import { jwksProblem, jwksUriProblem, JWKS_MAX_CHARS, type JsonWebKeySet } from '../client-jwks';
import { OAuthError } from '../errors';

const bad = (description: string) => new OAuthError('invalid_client_metadata', description);

export function checkClientKeys(input: Record<string, unknown>, authMethod: string): { jwks?: JsonWebKeySet; jwksUri?: string } {
  if (authMethod !== 'private_key_jwt') return {};
  const { jwks, jwks_uri: uri } = input;
  const hasJwks = jwks !== undefined && jwks !== null;
  const hasUri = uri !== undefined && uri !== null;
  if (hasJwks && hasUri) throw bad('send jwks or jwks_uri, not both (RFC 7591 §2)');
  if (!hasJwks && !hasUri) throw bad('token_endpoint_auth_method private_key_jwt needs the client\'s public keys: jwks or jwks_uri');
  if (hasJwks) {
    if (JSON.stringify(jwks).length > JWKS_MAX_CHARS) throw bad(`jwks may be at most ${JWKS_MAX_CHARS} characters`);
    const problem = jwksProblem(jwks);
    if (problem) throw bad(`jwks ${problem}`);
    return { jwks: jwks as JsonWebKeySet };
  }
  if (typeof uri !== 'string' || uri.length > 2000) throw bad('jwks_uri must be a URL of at most 2000 characters');
  const problem = jwksUriProblem(uri);
  if (problem) throw bad(`jwks_uri ${problem}`);
  return { jwksUri: uri };
}
