/**
 * createapplication / updateapplication flags for RFC 7523 private_key_jwt and RFC 9068 JWT
 * access tokens: --token-endpoint-auth-method, --jwks, --jwks-uri, --access-token-format.
 * The rules (lib/applications/key-rules.ts) run in the service; here only text becomes input.
 */
import { KEY_AUTH_METHOD, SECRET_JWT_AUTH_METHOD } from '@/lib/applications/key-rules';
import type { ApplicationUpdate } from '@/lib/applications/service';
import { parseJwks } from '@/lib/oauth/client-jwks';
import { UsageError, type Command } from './command';

export const KEY_OPTIONS = {
  'token-endpoint-auth-method': { type: 'string' },
  jwks: { type: 'string' },
  'jwks-uri': { type: 'string' },
  'access-token-format': { type: 'string' },
} satisfies Command['options'];

export const KEY_USAGE = '[--token-endpoint-auth-method client_secret|private_key_jwt|client_secret_jwt] [--jwks JSON | --jwks-uri URL] [--access-token-format opaque|jwt]';

export const KEY_FLAGS_HELP =
  '  --token-endpoint-auth-method: private_key_jwt (RFC 7523: the client signs a JWT with its key; no secret), client_secret_jwt\n' +
  '    (it signs a JWT with its secret, HS256; switching to it issues a new secret) or client_secret\n' +
  '  --jwks, --jwks-uri: its public keys for private_key_jwt, a JWK Set as JSON or an https URL serving one\n' +
  '  --access-token-format: opaque (default) or jwt (RFC 9068, verifiable by resource servers without calling us)';

/** The key flags that were given, as the service's input; absent flags stay absent. */
export function readKeyFlags(values: Record<string, string | boolean | undefined>): ApplicationUpdate {
  const text = (flag: string) => (typeof values[flag] === 'string' ? (values[flag] as string) : undefined);
  const out: ApplicationUpdate = {};
  const method = text('token-endpoint-auth-method');
  if (method !== undefined) {
    if (method === KEY_AUTH_METHOD) out.tokenEndpointAuthMethod = KEY_AUTH_METHOD;
    else if (method === SECRET_JWT_AUTH_METHOD) out.tokenEndpointAuthMethod = SECRET_JWT_AUTH_METHOD;
    else if (method === 'client_secret' || method === 'client_secret_basic' || method === 'client_secret_post') out.tokenEndpointAuthMethod = null;
    else throw new UsageError('--token-endpoint-auth-method: expected client_secret, private_key_jwt or client_secret_jwt');
  }
  const jwks = text('jwks');
  const jwksUri = text('jwks-uri');
  if (jwks !== undefined && jwksUri !== undefined) throw new UsageError('--jwks and --jwks-uri: give one');
  if (jwks !== undefined) {
    const parsed = parseJwks(jwks);
    if ('problem' in parsed) throw new UsageError(`--jwks: ${parsed.problem}`);
    out.jwks = parsed.jwks;
    out.jwksUri = null;
  }
  if (jwksUri !== undefined) {
    out.jwksUri = jwksUri;
    out.jwks = null;
  }
  const format = text('access-token-format');
  if (format !== undefined) {
    if (format !== 'opaque' && format !== 'jwt') throw new UsageError('--access-token-format: expected opaque or jwt');
    out.accessTokenFormat = format;
  }
  return out;
}
