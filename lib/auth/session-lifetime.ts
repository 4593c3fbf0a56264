/**
 * How long a sign-in to this server's pages lasts. Sessions are encrypted JWT cookies (Auth.js
 * allows Credentials only with JWT sessions), so signing out deletes the cookie in that browser
 * but cannot end a copy of it on the server side: the lifetime is the only bound on a stolen or
 * forgotten cookie. 12 hours covers a working day, so people sign in about once a day, and a
 * cookie left on a shared machine or copied out of a browser is dead by the next morning.
 * (Database sessions, which sign-out can end, come with the accounts issue.)
 */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * True when a sign-in made at `authTime` (epoch seconds) is over. Auth.js renews the cookie's
 * expiry while it is used; this makes the limit count from the sign-in itself, used or not.
 */
export function sessionExpired(authTime: unknown, nowSeconds: number): boolean {
  return typeof authTime !== 'number' || authTime + SESSION_MAX_AGE_SECONDS <= nowSeconds;
}
