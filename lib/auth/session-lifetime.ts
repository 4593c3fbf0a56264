/**
 * How long a sign-in to this server's pages lasts: 12 hours from the sign-in, used or not. The
 * cookie (an encrypted JWT: Auth.js allows Credentials only with JWT sessions) names a
 * user_sessions row that expires at the same time; sign-out and the account page end the row
 * earlier (lib/accounts/sessions.ts). 12 hours covers a working day, so people sign in about
 * once a day, and a cookie left on a shared machine is dead by the next morning.
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * True when a sign-in made at `authTime` (epoch seconds) is over. Auth.js renews the cookie's
 * expiry while it is used; this makes the limit count from the sign-in itself, used or not.
 */
export function sessionExpired(authTime: unknown, nowSeconds: number): boolean {
  return typeof authTime !== 'number' || authTime + SESSION_MAX_AGE_SECONDS <= nowSeconds;
}
