/**
 * Rate limits as the engine sees them: an optional counter behind Deps (lib/rate-limit implements
 * it with rate-limiter-flexible) and the one error a refusal becomes. The engine decides where
 * to count; the implementation decides how (PostgreSQL, memory) and how much (settings).
 */
import type { Deps } from './context';
import { OAuthError } from './errors';

export type LimitName =
  | 'signin_ip'
  | 'signin_account'
  | 'signup_ip'
  | 'token_client'
  | 'token_ip'
  | 'client_auth_failures'
  | 'client_auth_failures_ip'
  | 'introspect_client'
  | 'revoke_client'
  | 'authorize_ip'
  | 'register_ip'
  | 'metadata_fetch_ip'
  | 'account_email_ip'
  | 'account_email_account'
  | 'device_user_code_ip';

export interface RateLimits {
  /** The address the request came from, behind the configured number of trusted proxies. */
  clientIp(req: Request): string;
  /**
   * Counts one request against `limit` for `key`: null while allowed, else the whole seconds
   * until a retry can succeed. `perMinute` is an application's own limit (its `rate_limit`):
   * null or undefined = the setting, 0 = no limit, N = N requests per 60 seconds.
   */
  consume(limit: LimitName, key: string, perMinute?: number | null): Promise<number | null>;
  /** For a failure counter: seconds until `key` may try again once its count is reached, else null. Counts nothing. */
  locked(limit: LimitName, key: string): Promise<number | null>;
  /** Counts one failure (a wrong secret, a wrong password). */
  fail(limit: LimitName, key: string): Promise<void>;
  /**
   * For a failure counter guarding a slow check (argon2): takes one slot before the check,
   * atomically, so concurrent guesses cannot all pass a lock that counts only afterwards. Null
   * when a slot was taken, else the seconds until `key` may try again. A check that succeeds
   * gives its slot back with `refund`; a failed one keeps it, which is the failure counted.
   */
  take(limit: LimitName, key: string): Promise<number | null>;
  /** Gives back the slot `take` took (the password was right). */
  refund(limit: LimitName, key: string): Promise<void>;
}

/**
 * The key a client's own limit (token_client, revoke_client) counts under. A public client
 * "authenticates" with its client_id alone, which anyone can send: counted per client and
 * address, so strangers cannot spend its budget for everyone (and an app installed by many
 * people is not throttled as one).
 */
export function clientLimitKey(limits: RateLimits, req: Request, client: { id: string }, method: string): string {
  return method === 'none' ? `${client.id} ip:${limits.clientIp(req)}` : client.id;
}

/**
 * Over a limit. HTTP 429 (RFC 6585 §4) with Retry-After says what happened and when to come
 * back; the body keeps the RFC 6749 error shape so OAuth clients parse it, with
 * `temporarily_unavailable`, the one registered code meaning "try again later" (§4.1.2.1; the
 * token endpoint's §5.2 list has no such code, and clients treat unknown codes as errors).
 */
export class RateLimitedError extends OAuthError {
  override readonly status = 429;
  constructor(
    readonly limit: LimitName,
    readonly retryAfter: number,
  ) {
    super('temporarily_unavailable', `too many requests; retry after ${retryAfter} seconds`, { 'Retry-After': String(retryAfter) });
  }
}

/** The refusal for `limit`, announced (metrics count rate_limited by limit name). */
export function rateLimited(deps: Pick<Deps, 'events'>, limit: LimitName, retryAfter: number): RateLimitedError {
  deps.events.emit('rate_limited', { limit });
  return new RateLimitedError(limit, retryAfter);
}

/** Throws the refusal when `retryAfter` (a consume/locked result) says so. */
export function enforce(deps: Pick<Deps, 'events'>, limit: LimitName, retryAfter: number | null | undefined): void {
  if (retryAfter != null) throw rateLimited(deps, limit, retryAfter);
}

/**
 * The authorization endpoint is a browser navigation, so its refusal is a page a person can read,
 * still with status 429 and Retry-After. Self-contained (no framework, no scripts): it is the
 * cheapest answer the server can give someone sending too many requests.
 */
export function tooManyRequestsPage(retryAfter: number): Response {
  const wait = retryAfter < 90 ? `${retryAfter} seconds` : `${Math.ceil(retryAfter / 60)} minutes`;
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Too many requests</title>
<style>
body{margin:0;min-height:100vh;display:grid;place-items:center;font-family:ui-sans-serif,system-ui,sans-serif;background:#fafafa;color:#18181b}
main{max-width:28rem;margin:1.5rem;padding:2rem;background:#fff;border:1px solid #e4e4e7;border-radius:.75rem;box-shadow:0 1px 2px rgb(0 0 0/.05)}
h1{font-size:1.25rem;margin:0 0 .75rem}p{margin:0;color:#52525b;line-height:1.5}
</style></head>
<body><main><h1>Too many requests</h1><p>This browser has sent too many sign-in requests. Try again in ${wait}.</p></main></body></html>`;
  return new Response(html, {
    status: 429,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Retry-After': String(retryAfter), 'Cache-Control': 'no-store' },
  });
}
