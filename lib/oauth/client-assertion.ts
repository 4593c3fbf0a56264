/**
 * RFC 7523 §2.2 / §3 and OIDC Core §9 private_key_jwt: a client authenticates with a JWT it
 * signed with its own private key (client_assertion_type
 * urn:ietf:params:oauth:client-assertion-type:jwt-bearer). Called from client-auth.ts, so every
 * endpoint that authenticates clients accepts it.
 *
 * client_secret_jwt (HS256 keyed with the client secret) is checked here too, for applications
 * registered for it: they alone keep their secret sealed (client-secret-jwt.ts); any other
 * client's HMAC-signed assertion is refused, since its secret exists here only as a digest.
 */
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import type { Deps } from './context';
import { issuerFor } from './context';
import { OAuthError } from './errors';
import type { Params } from './http';
import { endpointUrl } from './paths';
import { ASSERTION_ALGS, publicSigningKeys, type JsonWebKeySet } from './client-jwks';
import type { ClientRecord } from './store';
import { CLIENT_SECRET_JWT, HMAC_ASSERTION_ALGS, hmacSecrets } from './client-secret-jwt';

export const JWT_BEARER_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
/** OIDC Core §9 leaves the lifetime to us: an assertion is minted per request, so five minutes is plenty. */
export const MAX_ASSERTION_LIFETIME_SECONDS = 300;
/** Clock difference between the client and us that exp, nbf and iat tolerate. */
const CLOCK_TOLERANCE_SECONDS = 30;
/** How long a fetched jwks_uri is trusted before it is fetched again. */
export const JWKS_CACHE_SECONDS = 300;
/** An unknown kid refetches the set at most this often per URL, so junk kids cannot make us a fetch amplifier. */
export const JWKS_REFETCH_COOLDOWN_SECONDS = 30;

/** Fetches a client's jwks_uri (SSRF-safe: lib/agents/fetch-metadata-document.ts); the reason in a MetadataDocumentError. */
export type JwksFetcher = (url: URL) => Promise<unknown>;

/**
 * The assertion in the request (form parameters), or null when none was sent. The client is the
 * assertion's `sub` (RFC 7523 §3 B): a client_id sent alongside must name the same client.
 */
export function readClientAssertion(params: Params): { clientId: string; assertion: string; /** The header's alg, read once here (HS*: client_secret_jwt). */ alg: unknown } | null {
  const type = params.get('client_assertion_type');
  const assertion = params.get('client_assertion');
  if (type === undefined && assertion === undefined) return null;
  if (type === undefined || assertion === undefined) throw new OAuthError('invalid_request', 'client_assertion and client_assertion_type must be sent together');
  if (type !== JWT_BEARER_ASSERTION_TYPE) throw new OAuthError('invalid_client', `client_assertion_type must be ${JWT_BEARER_ASSERTION_TYPE}`);
  let sub: unknown;
  let alg: unknown;
  try {
    sub = decodeJwt(assertion).sub;
    alg = decodeProtectedHeader(assertion).alg;
  } catch {
    throw new OAuthError('invalid_client', 'client_assertion is not a JWT');
  }
  if (typeof sub !== 'string' || !sub) throw new OAuthError('invalid_client', 'the client assertion has no sub (it must be the client_id)');
  const clientId = params.get('client_id');
  if (clientId !== undefined && clientId !== sub) throw new OAuthError('invalid_client', 'client_id does not match the client assertion\'s sub');
  return { clientId: sub, assertion, alg };
}

/** Whether a client may authenticate with a key at all. */
export const hasClientKeys = (client: ClientRecord) => !!client.jwks || !!client.jwksUri;

/**
 * Checks the assertion against the client's keys and the rules of RFC 7523 §3; the reason it
 * is refused (what invalid_client's description says), or null when it authenticates the client.
 */
export async function clientAssertionProblem(assertion: string, alg: unknown, client: ClientRecord, req: Request, deps: Deps): Promise<string | null> {
  if (typeof alg !== 'string' || alg === 'none') return 'the client assertion must be signed (alg "none" is not accepted)';
  const hmac = isHmacAlg(alg);
  let secrets: string[] = [];
  if (hmac) {
    if (!(HMAC_ASSERTION_ALGS as readonly string[]).includes(alg)) return `alg "${alg}" is not supported for client_secret_jwt (supported: ${HMAC_ASSERTION_ALGS.join(', ')})`;
    // Never an HMAC keyed with anything but a secret the application chose this method for (RFC 8725 §3.1, no alg confusion).
    if (client.tokenEndpointAuthMethod !== CLIENT_SECRET_JWT || !deps.clientSecretSealer) {
      return 'this client is not registered for client_secret_jwt (an HMAC-signed assertion); its secret is kept only as a digest';
    }
    secrets = hmacSecrets(client, deps.clientSecretSealer, deps.clock());
    if (!secrets.length) return 'this client has no secret usable for client_secret_jwt; rotate its secret (secrets from before it chose client_secret_jwt are kept only as digests)';
  } else {
    if (!(ASSERTION_ALGS as readonly string[]).includes(alg)) return `alg "${alg}" is not supported for client assertions (supported: ${ASSERTION_ALGS.join(', ')})`;
    if (!hasClientKeys(client)) return 'this client has no registered keys (jwks or jwks_uri) for private_key_jwt';
  }

  const issuer = issuerFor(req, deps.settings);
  const here = `${issuer}${new URL(req.url).pathname}`;
  const audience = [...new Set([issuer, endpointUrl(issuer, 'token'), here])];
  const now = deps.clock();
  const verify = (keys: JWTVerifyGetKey | Uint8Array) =>
    jwtVerify(assertion, keys as JWTVerifyGetKey, {
      algorithms: hmac ? [...HMAC_ASSERTION_ALGS] : [...ASSERTION_ALGS],
      issuer: client.clientId,
      subject: client.clientId,
      audience,
      requiredClaims: ['exp', 'jti'],
      currentDate: now,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });

  let payload: Awaited<ReturnType<typeof verify>>['payload'];
  try {
    if (hmac) payload = await verifyWithSecrets(secrets, (key) => verify(key));
    else if (client.jwks) payload = (await verify(createLocalJWKSet(publicSigningKeys(client.jwks) as never))).payload;
    else {
      const uri = client.jwksUri!;
      try {
        payload = (await verify(await remoteKeys(uri, deps, false))).payload;
      } catch (e) {
        // A kid we have not seen: the client may have rotated its keys since we fetched them.
        if (!(e instanceof errors.JWKSNoMatchingKey)) throw e;
        payload = (await verify(await remoteKeys(uri, deps, true))).payload;
      }
    }
  } catch (e) {
    return joseProblem(e, audience);
  }

  const exp = payload.exp!;
  if (exp - now.getTime() / 1000 > MAX_ASSERTION_LIFETIME_SECONDS + CLOCK_TOLERANCE_SECONDS) {
    return `the client assertion's exp is more than ${MAX_ASSERTION_LIFETIME_SECONDS / 60} minutes away; mint a short-lived assertion per request`;
  }
  if (typeof payload.jti !== 'string' || !payload.jti) return 'the client assertion has no jti';
  // RFC 7523 §3 item 7: single use until it expires, shared by every instance (used_jtis).
  const first = await deps.store.useJti(`client_assertion:${client.clientId}:${payload.jti}`, new Date(exp * 1000), now);
  if (!first) return 'this client assertion (its jti) was already used; mint a new one for each request';
  return null;
}

export const isHmacAlg = (alg: string) => alg.startsWith('HS');

/** client_secret_jwt: the current secret, then (during an overlap) the previous one; the first signature that verifies. */
async function verifyWithSecrets<P>(secrets: string[], verify: (key: Uint8Array) => Promise<{ payload: P }>): Promise<P> {
  let failure: unknown;
  for (const secret of secrets) {
    try {
      return (await verify(new TextEncoder().encode(secret))).payload;
    } catch (e) {
      if (!(e instanceof errors.JWSSignatureVerificationFailed)) throw e;
      failure = e;
    }
  }
  throw failure;
}

/** jose's refusal in words a client developer can act on. */
function joseProblem(e: unknown, audience: string[]): string {
  if (e instanceof errors.JWTExpired) return 'the client assertion has expired';
  if (e instanceof errors.JWTClaimValidationFailed) {
    if (e.claim === 'aud') return `the client assertion's aud must be the issuer or this endpoint's URL (${audience.join(' or ')})`;
    if (e.claim === 'iss' || e.claim === 'sub') return 'the client assertion\'s iss and sub must both be the client_id';
    if (e.claim === 'exp' || e.claim === 'jti') return `the client assertion has no ${e.claim}`;
    if (e.claim === 'nbf') return 'the client assertion is not valid yet (nbf)';
    if (e.claim === 'iat') return 'the client assertion\'s iat is in the future';
    return `the client assertion's ${e.claim} claim is not valid`;
  }
  if (e instanceof errors.JWKSNoMatchingKey) return 'no registered key of this client matches the assertion\'s kid and alg';
  if (e instanceof errors.JWKSMultipleMatchingKeys) return 'several registered keys match the assertion; give each key a kid and send it in the header';
  if (e instanceof errors.JWSSignatureVerificationFailed) return 'the client assertion\'s signature does not verify with the client\'s registered keys (or, for client_secret_jwt, its secret)';
  if (e instanceof errors.JOSEAlgNotAllowed) return 'the client assertion\'s alg is not supported';
  if (e instanceof JwksUnavailable) return e.message;
  if (e instanceof errors.JOSEError) return `the client assertion is not valid (${e.message})`;
  throw e;
}

class JwksUnavailable extends Error {}

interface CachedSet {
  keys: JWTVerifyGetKey;
  fetchedAt: number;
}
// Per engine (tests build several), per URL: fetched sets and fetches under way.
const cacheByServer = new WeakMap<Deps, Map<string, CachedSet>>();
const inFlightByServer = new WeakMap<Deps, Map<string, Promise<CachedSet>>>();

/** The keys at a jwks_uri: cached; `unknownKid` refetches once the cooldown has passed. */
async function remoteKeys(uri: string, deps: Deps, unknownKid: boolean): Promise<JWTVerifyGetKey> {
  let cache = cacheByServer.get(deps);
  if (!cache) cacheByServer.set(deps, (cache = new Map()));
  const cached = cache.get(uri);
  const age = cached ? (deps.clock().getTime() - cached.fetchedAt) / 1000 : Infinity;
  const stale = unknownKid ? age >= JWKS_REFETCH_COOLDOWN_SECONDS : age >= JWKS_CACHE_SECONDS;
  if (cached && !stale) {
    if (unknownKid) throw new errors.JWKSNoMatchingKey();
    return cached.keys;
  }
  let inFlight = inFlightByServer.get(deps);
  if (!inFlight) inFlightByServer.set(deps, (inFlight = new Map()));
  let pending = inFlight.get(uri);
  if (!pending) {
    pending = fetchSet(uri, deps).finally(() => inFlight.delete(uri));
    inFlight.set(uri, pending);
  }
  const fresh = await pending;
  cache.set(uri, fresh);
  return fresh.keys;
}

async function fetchSet(uri: string, deps: Deps): Promise<CachedSet> {
  const fetchJwks = deps.fetchJwks;
  if (!fetchJwks) throw new JwksUnavailable('this server cannot fetch jwks_uri; register the keys inline (jwks)');
  let doc: unknown;
  try {
    doc = await fetchJwks(new URL(uri));
  } catch (e) {
    throw new JwksUnavailable(`the client's jwks_uri could not be fetched: ${e instanceof Error ? e.message : 'unknown error'}`);
  }
  const set: JsonWebKeySet = publicSigningKeys(doc);
  if (!set.keys.length) throw new JwksUnavailable('the client\'s jwks_uri holds no public signing keys');
  return { keys: createLocalJWKSet(set as never), fetchedAt: deps.clock().getTime() };
}
