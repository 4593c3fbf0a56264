/**
 * One error class, named by the RFCs' codes, turned into a response in exactly one place.
 * RFC 6749 §5.2 (token), §4.1.2.1 (authorize), RFC 6750 §3.1 (bearer), RFC 7009 §2.2.1,
 * OIDC Core §3.1.2.6, RFC 8707 §2, RFC 7591 §3.2.2.
 */
import { NO_STORE } from './headers';

export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'access_denied'
  | 'unsupported_response_type'
  | 'server_error'
  | 'temporarily_unavailable'
  | 'unsupported_token_type'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'login_required'
  | 'consent_required'
  | 'interaction_required'
  | 'invalid_target'
  | 'request_not_supported'
  | 'request_uri_not_supported'
  | 'method_not_allowed'
  | 'invalid_redirect_uri'
  | 'invalid_client_metadata'
  | 'invalid_software_statement'
  | 'unapproved_software_statement'
  // RFC 8628 §3.5 (device access token polling)
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  // RFC 9126 §4 / RFC 9101 §7: a request_uri that is unknown, used, expired or another client's
  | 'invalid_request_uri';

const STATUS: Partial<Record<OAuthErrorCode, number>> = {
  invalid_client: 401,
  invalid_token: 401,
  insufficient_scope: 403,
  server_error: 500,
  temporarily_unavailable: 503,
  method_not_allowed: 405,
};

export class OAuthError extends Error {
  readonly status: number;
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly headers: Record<string, string> = {},
    /** Only where an RFC pairs a code with another status (405 invalid_request for a wrong method). */
    status?: number,
  ) {
    super(`${code}: ${description}`);
    this.status = status ?? STATUS[code] ?? 400;
  }
}

/** `requestId` (server.mjs's X-Request-Id) goes into the log line of an unexpected error, to find its request line. */
export function errorResponse(e: unknown, extraHeaders?: Record<string, string>, requestId?: string | null): Response {
  const err = e instanceof OAuthError ? e : new OAuthError('server_error', 'the server could not complete the request');
  if (!(e instanceof OAuthError)) console.error(`oauth: unexpected error${requestId ? ` (request ${requestId})` : ''}`, e instanceof Error ? e.stack : e);
  return new Response(JSON.stringify({ error: err.code, error_description: err.description }), {
    status: err.status,
    headers: { 'Content-Type': 'application/json', ...NO_STORE, ...err.headers, ...extraHeaders },
  });
}
