/**
 * RFC 6749 §2.3: client authentication at the token, revocation and introspection endpoints.
 * client_secret_basic (§2.3.1, id and secret form-urlencoded inside Basic), client_secret_post,
 * `none` for public clients (client_id alone), and private_key_jwt / client_secret_jwt (RFC 7523,
 * client-assertion.ts; which of the two follows the assertion's alg).
 * One method per request.
 */
import type { Deps } from './context';
import { OAuthError } from './errors';
import { hasControlCharacter, type Params } from './http';
import { findClient } from './client-id-metadata-document';
import { clientAssertionProblem, isHmacAlg, readClientAssertion } from './client-assertion';
import { rateLimited, type LimitName, type RateLimits } from './rate-limit';
import { digest, safeEqual } from './secrets';
import type { ClientRecord } from './store';

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'private_key_jwt' | 'client_secret_jwt' | 'none';
export const CLIENT_AUTH_METHODS: ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'client_secret_jwt', 'none'];

export interface AuthenticatedClient {
  client: ClientRecord;
  method: ClientAuthMethod;
}

interface Credentials {
  clientId: string;
  secret: string | null;
  method: ClientAuthMethod;
  /** private_key_jwt / client_secret_jwt: the client's signed JWT (RFC 7523 §2.2) and its header's alg. */
  assertion?: string;
  alg?: unknown;
}

const BASIC_CHALLENGE = { 'WWW-Authenticate': 'Basic realm="oauth", charset="UTF-8"' };
// Compared against when the client is unknown, so a miss costs the same as a wrong secret.
const DUMMY_DIGEST = digest('no such client');

function formDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '));
  } catch {
    throw new OAuthError('invalid_client', 'malformed client credentials in the Authorization header', BASIC_CHALLENGE);
  }
}

/** §2.3.1: Basic base64(urlencode(id) ":" urlencode(secret)). Null when there is no Basic header. */
export function parseBasic(header: string | null): { clientId: string; secret: string } | null {
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) throw new OAuthError('invalid_client', 'malformed client credentials in the Authorization header', BASIC_CHALLENGE);
  const clientId = formDecode(decoded.slice(0, colon));
  const secret = formDecode(decoded.slice(colon + 1));
  // As readParams: a control character (U+0000 above all) can never be a client's id or secret,
  // and PostgreSQL cannot even compare text holding U+0000.
  if (hasControlCharacter(clientId) || hasControlCharacter(secret)) {
    throw new OAuthError('invalid_client', 'control characters are not allowed in client credentials', BASIC_CHALLENGE);
  }
  return { clientId, secret };
}

function readCredentials(req: Request, params: Params): Credentials | null {
  const basic = parseBasic(req.headers.get('authorization'));
  const postId = params.get('client_id');
  const postSecret = params.get('client_secret');
  const assertion = readClientAssertion(params);
  if (assertion) {
    if (basic || postSecret !== undefined) throw new OAuthError('invalid_request', 'use only one client authentication method (a client assertion, Basic or client_secret)');
    const hmac = typeof assertion.alg === 'string' && isHmacAlg(assertion.alg);
    return { clientId: assertion.clientId, secret: null, method: hmac ? 'client_secret_jwt' : 'private_key_jwt', assertion: assertion.assertion, alg: assertion.alg };
  }
  if (basic) {
    if (postSecret !== undefined) throw new OAuthError('invalid_request', 'use only one client authentication method (Basic or client_secret in the body)');
    if (postId !== undefined && postId !== basic.clientId) throw new OAuthError('invalid_client', 'client_id does not match the Authorization header', BASIC_CHALLENGE);
    return { ...basic, method: 'client_secret_basic' };
  }
  if (postId === undefined) {
    if (postSecret !== undefined) throw new OAuthError('invalid_request', "missing required parameter 'client_id'");
    return null;
  }
  return postSecret !== undefined
    ? { clientId: postId, secret: postSecret, method: 'client_secret_post' }
    : { clientId: postId, secret: null, method: 'none' };
}

/** Authenticates the calling client or throws invalid_client (401). `required: false` returns null when no credentials were sent. */
export async function authenticateClient(req: Request, params: Params, deps: Deps): Promise<AuthenticatedClient>;
export async function authenticateClient(req: Request, params: Params, deps: Deps, required: false): Promise<AuthenticatedClient | null>;
export async function authenticateClient(req: Request, params: Params, deps: Deps, required = true): Promise<AuthenticatedClient | null> {
  const creds = readCredentials(req, params);
  if (!creds) {
    if (!required) return null;
    throw new OAuthError('invalid_client', 'client authentication is required', BASIC_CHALLENGE);
  }
  const challenge = creds.method === 'client_secret_basic' ? BASIC_CHALLENGE : undefined;
  const limits = deps.limits;
  const ip = limits?.clientIp(req) ?? '';
  // The locks are read while the client is looked up, so they add no latency to the hot path.
  const [client, lockedFor] = await Promise.all([
    findClient(creds.clientId, deps).catch((e: unknown) => {
      // A client ID metadata document that cannot be used: counted like any failed authentication.
      deps.events.emit('client_auth_failed', { clientId: creds.clientId, method: creds.method });
      throw e;
    }),
    limits ? failureLock(limits, creds.clientId, ip) : null,
  ]);
  // Once this address has failed too often (for this client_id, or for any), even correct
  // credentials from it wait: a guesser must not learn from a 200 that the last guess was right.
  // Other addresses are not affected, so nobody can lock a client out of its own servers.
  if (lockedFor !== null) throw rateLimited(deps, lockedFor.limit, lockedFor.retryAfter);
  const fail = async (reason?: string) => {
    deps.events.emit('client_auth_failed', { clientId: creds.clientId, method: creds.method });
    if (limits) {
      // Only a client with a secret can be guessed at; for any other client_id (public, unknown)
      // only the address counts.
      const guessable = !!client?.clientSecretDigest;
      await Promise.all([
        guessable ? limits.fail('client_auth_failures', pairKey(creds.clientId, ip)) : null,
        limits.fail('client_auth_failures_ip', `ip:${ip}`),
      ]);
    }
    return new OAuthError('invalid_client', reason ?? 'client authentication failed', challenge);
  };
  if (creds.assertion !== undefined) {
    // RFC 7523 §3: the reason is the client developer's to read (client_ids are not secret).
    const problem = client ? await clientAssertionProblem(creds.assertion, creds.alg, client, req, deps) : null;
    if (!client || problem) throw await fail(problem ?? undefined);
  } else if (creds.secret === null) {
    // Public clients identify themselves with client_id alone; confidential ones must prove it.
    if (!client || client.clientType !== 'public') throw await fail();
  } else {
    const ok = secretMatches(digest(creds.secret), client, deps.clock());
    if (!client || !client.clientSecretDigest || !ok) throw await fail();
  }
  // RFC 6749 §5.2: a client an operator disabled fails authentication (after its credentials
  // were checked, so the answer tells a guesser nothing about which clients exist).
  if (client.disabledAt) throw new OAuthError('invalid_client', 'this client has been disabled by the server operator', challenge);
  // RFC 7591 §2: a client registered with one token_endpoint_auth_method uses that one only
  // (a secret meant for the Basic header must not be accepted from a form body, and back).
  const registered = client.tokenEndpointAuthMethod;
  if (registered && registered !== creds.method) {
    deps.events.emit('client_auth_failed', { clientId: creds.clientId, method: creds.method });
    throw new OAuthError('invalid_client', `this client is registered for token_endpoint_auth_method ${registered}, not ${creds.method}`, challenge);
  }
  deps.events.emit('client_authenticated', { applicationId: client.id, clientId: client.clientId, method: creds.method });
  return { client, method: creds.method };
}

/**
 * The current secret, or during a rotation's overlap (issue 19) the previous one. Both digests
 * are always compared, in constant time, so neither the answer's timing nor its cost says
 * which one matched or whether an overlap is running.
 */
function secretMatches(presented: string, client: ClientRecord | null, now: Date): boolean {
  const current = safeEqual(presented, client?.clientSecretDigest ?? DUMMY_DIGEST);
  const previous = safeEqual(presented, client?.previousSecretDigest ?? DUMMY_DIGEST);
  const overlapping = !!client?.previousSecretDigest && !!client.previousSecretExpiresAt && client.previousSecretExpiresAt.getTime() > now.getTime();
  return current || (previous && overlapping);
}

/** The failure counter of one client_id from one address. */
const pairKey = (clientId: string, ip: string) => `client:${clientId} ip:${ip}`;

/** Which lock holds this address back (for this client_id, or for every client), and for how many seconds; or null. */
async function failureLock(limits: RateLimits, clientId: string, ip: string): Promise<{ limit: LimitName; retryAfter: number } | null> {
  const [byPair, byIp] = await Promise.all([limits.locked('client_auth_failures', pairKey(clientId, ip)), limits.locked('client_auth_failures_ip', `ip:${ip}`)]);
  if (byPair === null && byIp === null) return null;
  return (byPair ?? 0) >= (byIp ?? 0) ? { limit: 'client_auth_failures', retryAfter: byPair! } : { limit: 'client_auth_failures_ip', retryAfter: byIp! };
}
