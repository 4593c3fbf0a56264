/**
 * Issue 19: the deployer's custom claims (lib/extensions/claims.ts, or OAUTH2_CLAIMS_MODULE),
 * reached through Deps.extraClaims. The engine's own claims always win: the names below are
 * dropped from what the extension returns, so a module cannot forge an issuer, a subject, an
 * audience, a lifetime, a nonce, a client or a binding. A throw or a non-object fails the
 * request with server_error (logged with the request id by the engine's error handler) before
 * anything is signed or stored, so no token is ever half built.
 */
import type { ClientRecord, UserRecord } from './store';

export type ClaimsKind = 'id_token' | 'userinfo' | 'introspection' | 'access_token';

export interface ExtraClaimsInput {
  /** The person the claims are about; null for a token without one (client credentials). */
  user: UserRecord | null;
  /** The application the token or ID token was issued to. */
  client: ClientRecord;
  /** The scopes granted. */
  scopes: string[];
  kind: ClaimsKind;
}

export type ExtraClaims = (input: ExtraClaimsInput) => Record<string, unknown> | Promise<Record<string, unknown>>;

/** The list (iss, sub, aud, exp, iat, nonce, client_id), and the others the engine sets itself. */
export const PROTECTED_CLAIMS: ReadonlySet<string> = new Set([
  'iss', 'sub', 'aud', 'exp', 'iat', 'nbf', 'jti', 'nonce', 'client_id', 'azp', 'auth_time', 'at_hash', 'c_hash',
  'acr', 'amr', 'sid', 'scope', 'cnf', 'act', 'active', 'token_type', 'username', 'events',
]);

export class ClaimsExtensionError extends Error {}

/** What the extension adds for this kind, without protected names; throws ClaimsExtensionError on a bad module. */
export async function extraClaimsFor(extension: ExtraClaims | undefined, input: ExtraClaimsInput): Promise<Record<string, unknown>> {
  if (!extension) return {};
  let out: unknown;
  try {
    out = await extension(input);
  } catch (e) {
    throw new ClaimsExtensionError(`the claims module threw for ${input.kind}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (out === undefined || out === null) return {};
  if (typeof out !== 'object' || Array.isArray(out)) {
    throw new ClaimsExtensionError(`the claims module returned ${Array.isArray(out) ? 'an array' : typeof out} for ${input.kind}, not an object`);
  }
  const claims: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(out)) {
    if (!PROTECTED_CLAIMS.has(name) && value !== undefined) claims[name] = value;
  }
  return claims;
}
