/**
 * RFC 7523 / OIDC Core §9 private_key_jwt: the rules for a client's public keys, as a JWK Set
 * (RFC 7517 §5) given inline or by an https URL. Browser-safe (the application form's schema
 * runs them), shared by the dashboard, the CLI and dynamic registration.
 */

/** The signature algorithms a client assertion may use (asymmetric only: HMAC would need the plaintext secret). */
export const ASSERTION_ALGS = ['RS256', 'PS256', 'ES256', 'EdDSA'] as const;

/** Members that make a JWK private (RFC 7518 §6.2.2, §6.3.2, RFC 8037 §2) or symmetric (`k`). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'];
const KEY_TYPES = new Set(['RSA', 'EC', 'OKP']);
export const JWKS_MAX_KEYS = 10;
/** Inline sets are stored in the row; a few keys fit easily (an RSA-4096 key is ~750 bytes). */
export const JWKS_MAX_CHARS = 20_000;

export interface JsonWebKeySet {
  keys: Record<string, unknown>[];
}

/** Why `value` is not a usable JWK Set of public signing keys, or null. */
export function jwksProblem(value: unknown): string | null {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return 'must be a JWK Set: a JSON object with a "keys" array';
  const keys = (value as { keys?: unknown }).keys;
  if (!Array.isArray(keys) || keys.length === 0) return 'must be a JWK Set: a JSON object with a non-empty "keys" array';
  if (keys.length > JWKS_MAX_KEYS) return `must hold at most ${JWKS_MAX_KEYS} keys`;
  for (const [i, key] of keys.entries()) {
    const where = `key ${i + 1}`;
    if (!key || typeof key !== 'object' || Array.isArray(key)) return `${where} is not a JSON object`;
    const k = key as Record<string, unknown>;
    if (PRIVATE_MEMBERS.some((m) => m in k)) {
      return `${where} is a private or symmetric key ("${PRIVATE_MEMBERS.find((m) => m in k)}"): publish only the public key`;
    }
    if (typeof k.kty !== 'string' || !KEY_TYPES.has(k.kty)) return `${where} has kty ${JSON.stringify(k.kty ?? null)}; use RSA, EC or OKP`;
    if (k.use !== undefined && k.use !== 'sig') return `${where} has use "${String(k.use)}"; client assertion keys are for signatures ("sig")`;
    if (k.alg !== undefined && !(ASSERTION_ALGS as readonly string[]).includes(String(k.alg))) {
      return `${where} has alg "${String(k.alg)}"; supported: ${ASSERTION_ALGS.join(', ')}`;
    }
  }
  return null;
}

/** JSON text as typed into the form or given to the CLI: the parsed set, or the problem. */
export function parseJwks(text: string): { jwks: JsonWebKeySet } | { problem: string } {
  if (text.length > JWKS_MAX_CHARS) return { problem: `must be at most ${JWKS_MAX_CHARS.toLocaleString('en')} characters` };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'is not valid JSON' };
  }
  const problem = jwksProblem(value);
  return problem ? { problem } : { jwks: value as JsonWebKeySet };
}

/** A jwks_uri: an absolute https URL (fetched by the SSRF-safe fetcher, which re-checks the address). */
export function jwksUriProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'is not an absolute URL';
  }
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (url.username || url.password) return 'must not contain a user name or password';
  if (url.hash) return 'must not have a fragment (#)';
  return null;
}

/** Only the keys a client assertion may be checked with: public, for signatures. A fetched set may hold others. */
export function publicSigningKeys(value: unknown): JsonWebKeySet {
  const keys = Array.isArray((value as { keys?: unknown } | null)?.keys) ? ((value as { keys: unknown[] }).keys as unknown[]) : [];
  return {
    keys: keys.filter((k): k is Record<string, unknown> => {
      if (!k || typeof k !== 'object') return false;
      const key = k as Record<string, unknown>;
      return KEY_TYPES.has(String(key.kty)) && !PRIVATE_MEMBERS.some((m) => m in key) && (key.use === undefined || key.use === 'sig');
    }),
  };
}
