/**
 * Remote mode, for a resource server that is not this app: tokens are checked by calling the
 * authorization server's introspection endpoint (RFC 7662), as DOT's
 * OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL. Answers are cached for
 * OAUTH2_RESOURCE_SERVER_TOKEN_CACHING_SECONDS but never past the token's exp, keyed by the
 * token's digest. When the authorization server is unreachable the request fails closed.
 */
import { digest } from '@/lib/oauth/secrets';

export interface RemoteConfig {
  introspectionUrl: string;
  /** OAUTH2_RESOURCE_SERVER_AUTH_TOKEN: a bearer token with the introspection scope. */
  authToken: string | null;
  /** OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS: client_id and client_secret. */
  credentials: { clientId: string; clientSecret: string } | null;
  cachingSeconds: number;
  timeoutMs?: number;
}

export interface IntrospectedToken {
  active: true;
  scope: string;
  client_id?: string;
  username?: string;
  sub?: string;
  exp?: number;
  iat?: number;
  aud?: string | string[];
  /** RFC 9449 §6.2: the DPoP key a bound token is bound to. */
  cnf?: { jkt?: string };
}

export class IntrospectionUnavailable extends Error {}

const MAX_ENTRIES = 10_000;

export function createRemoteVerifier(config: RemoteConfig, clock: () => Date = () => new Date()) {
  const cache = new Map<string, { until: number; answer: IntrospectedToken | null }>();

  function authHeader(): string {
    if (config.authToken) return `Bearer ${config.authToken}`;
    const c = config.credentials!;
    return `Basic ${Buffer.from(`${encodeURIComponent(c.clientId)}:${encodeURIComponent(c.clientSecret)}`).toString('base64')}`;
  }

  return async function verify(token: string): Promise<IntrospectedToken | null> {
    const key = digest(token);
    const now = clock().getTime();
    const hit = cache.get(key);
    if (hit && hit.until > now) return hit.answer;
    let res: Response;
    try {
      res = await fetch(config.introspectionUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: authHeader(), Accept: 'application/json' },
        body: new URLSearchParams({ token }).toString(),
        signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
        redirect: 'error',
      });
    } catch (e) {
      throw new IntrospectionUnavailable(`the introspection endpoint is unreachable (${(e as Error).message})`);
    }
    if (res.status !== 200) throw new IntrospectionUnavailable(`the introspection endpoint answered ${res.status}`);
    let body: { active?: unknown; exp?: unknown };
    try {
      body = (await res.json()) as typeof body;
    } catch {
      throw new IntrospectionUnavailable('the introspection endpoint answered something other than JSON');
    }
    const answer = body.active === true ? (body as IntrospectedToken) : null;
    if (answer && typeof answer.exp === 'number' && answer.exp * 1000 <= now) return null;
    if (config.cachingSeconds > 0) {
      let until = now + config.cachingSeconds * 1000;
      if (answer?.exp) until = Math.min(until, answer.exp * 1000);
      if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value!);
      cache.set(key, { until, answer });
    }
    return answer;
  };
}
