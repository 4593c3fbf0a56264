/**
 * RFC 6749 §2.3: client authentication at the token, revocation and introspection endpoints.
 * client_secret_basic (§2.3.1, id and secret form-urlencoded inside Basic), client_secret_post,
 * and `none` for public clients (client_id alone). One method per request.
 */
import type { Deps } from './context';
import { OAuthError } from './errors';
import type { Params } from './http';
import { findClient } from './metadata-document';
import { rateLimited, type RateLimits } from './rate-limit';
import { digest, safeEqual } from './secrets';
import type { ClientRecord } from './store';

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';
export const CLIENT_AUTH_METHODS: ClientAuthMethod[] = ['client_secret_basic', 'client_secret_post', 'none'];

export interface AuthenticatedClient {
  client: ClientRecord;
  method: ClientAuthMethod;
}

interface Credentials {
  clientId: string;
  secret: string | null;
  method: ClientAuthMethod;
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
  return { clientId: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

function readCredentials(req: Request, params: Params): Credentials | null {
  const basic = parseBasic(req.headers.get('authorization'));
  const postId = params.get('client_id');
  const postSecret = params.get('client_secret');
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
  // The lock is read while the client is looked up, so it adds no latency to the hot path.
  const [client, lockedFor] = await Promise.all([
    findClient(creds.clientId, deps).catch((e: unknown) => {
      // A client ID metadata document that cannot be used: counted like any failed authentication.
      deps.events.emit('client_auth_failed', { clientId: creds.clientId, method: creds.method });
      throw e;
    }),
    limits ? failureLock(limits, creds.clientId, ip) : null,
  ]);
  // Once a client_id (or an address) has failed too often, even correct credentials wait: a
  // guesser must not learn from a 200 that the last guess was right.
  if (lockedFor !== null) throw rateLimited(deps, 'client_auth_failures', lockedFor);
  const fail = async () => {
    deps.events.emit('client_auth_failed', { clientId: creds.clientId, method: creds.method });
    if (limits) await Promise.all([limits.fail('client_auth_failures', `client:${creds.clientId}`), limits.fail('client_auth_failures', `ip:${ip}`)]);
    return new OAuthError('invalid_client', 'client authentication failed', challenge);
  };
  if (creds.secret === null) {
    // Public clients identify themselves with client_id alone; confidential ones must prove it.
    if (!client || client.clientType !== 'public') throw await fail();
  } else {
    const ok = safeEqual(digest(creds.secret), client?.clientSecretDigest ?? DUMMY_DIGEST);
    if (!client || !client.clientSecretDigest || !ok) throw await fail();
  }
  deps.events.emit('client_authenticated', { applicationId: client.id, clientId: client.clientId, method: creds.method });
  return { client, method: creds.method };
}

/** Seconds until failed authentication lets this client_id and this address try again, or null. */
async function failureLock(limits: RateLimits, clientId: string, ip: string): Promise<number | null> {
  const [byClient, byIp] = await Promise.all([limits.locked('client_auth_failures', `client:${clientId}`), limits.locked('client_auth_failures', `ip:${ip}`)]);
  if (byClient === null) return byIp;
  return byIp === null ? byClient : Math.max(byClient, byIp);
}
