/**
 * The refusal of the resource-server toolkit, as a value: verifyAccessToken and verifyClient
 * throw it, withOAuth and withClientAuth answer `toResponse()`, and code that is not a route
 * handler (a server action, proxy.ts, a function that decides halfway through) catches it and
 * returns the very response a wrapped route would have sent, or reads `code` and `description`.
 *
 *   try {
 *     const token = await verifyAccessToken(req, { scopes: ['write'] });
 *   } catch (e) {
 *     if (e instanceof AccessError) return e.toResponse();   // RFC 6750 §3, as withOAuth
 *     throw e;
 *   }
 */
import { errorResponse, OAuthError, type OAuthErrorCode } from '@/lib/oauth/errors';
import { missingBearer } from '@/lib/oauth/bearer';

export class AccessError extends Error {
  private constructor(
    /** The RFC error code; null when the request carried no credentials at all (RFC 6750 §3.1: no code). */
    readonly code: OAuthErrorCode | null,
    readonly description: string,
    readonly status: number,
    readonly headers: Record<string, string>,
  ) {
    super(code ? `${code}: ${description}` : description);
    this.name = 'AccessError';
  }

  /** RFC 6750 §3.1: no token in the request: 401, a Bearer challenge without an error code, no body. */
  static missing(challenge: Record<string, string>): AccessError {
    return AccessError.noCredentials(missingBearer(challenge).headers.get('www-authenticate')!);
  }

  /** No credentials of any accepted kind: 401 with these challenges (`WWW-Authenticate`), no body. */
  static noCredentials(wwwAuthenticate: string): AccessError {
    return new AccessError(null, 'the request carries no credentials', 401, { 'WWW-Authenticate': wwwAuthenticate });
  }

  /** Any engine error (invalid_token, insufficient_scope, invalid_client, temporarily_unavailable, 429…), as the engine answers it. */
  static of(e: OAuthError): AccessError {
    return new AccessError(e.code, e.description, e.status, { ...e.headers });
  }

  /** Whether the request simply had no credentials (a session may then stand in for a token). */
  get missingCredentials(): boolean {
    return this.code === null;
  }

  /** The same refusal offering one more scheme (`challenge`, unless `scheme` is already offered): withClientAuth offers Basic and Bearer. */
  withChallenge(scheme: 'Basic' | 'Bearer', challenge: string): AccessError {
    const current = this.headers['WWW-Authenticate'];
    if (current && new RegExp(`(^|,\\s*)${scheme}(\\s|,|$)`, 'i').test(current)) return this;
    return new AccessError(this.code, this.description, this.status, { ...this.headers, 'WWW-Authenticate': current ? `${current}, ${challenge}` : challenge });
  }

  /** The response a wrapped route answers: JSON error with no-store, or §3.1's bare 401. */
  toResponse(): Response {
    if (this.code === null) return new Response(null, { status: 401, headers: { ...this.headers, 'Cache-Control': 'no-store' } });
    return errorResponse(new OAuthError(this.code, this.description, this.headers, this.status));
  }
}
