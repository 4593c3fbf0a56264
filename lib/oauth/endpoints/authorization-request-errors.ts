/** The two ways an authorization request fails (authorize.ts, and PAR, which answers them as JSON instead). */
import type { OAuthErrorCode } from '../errors';

/** A problem a person must see on our own page: the client or its redirect URI cannot be trusted. */
export class UntrustedRequest extends Error {
  constructor(
    readonly code: string,
    readonly description: string,
  ) {
    super(description);
  }
}

/** An error that goes back to the client's (validated) redirect URI, at `location`. */
export class AuthorizationError extends Error {
  constructor(
    readonly location: string,
    readonly code: OAuthErrorCode,
    readonly description: string,
  ) {
    super('authorization error');
  }
}
