/**
 * Whether an error means "the database is away right now" (restarting, unreachable, our
 * connection killed, a statement cut off by the timeout) rather than "this request is wrong".
 * The engine answers those with 503 temporarily_unavailable and Retry-After instead of a 500:
 * the client should retry, and the pool reconnects by itself once PostgreSQL is back.
 */

// PostgreSQL SQLSTATEs: class 08 (connection exception), 57P01-57P03 (admin shutdown, crash
// shutdown, cannot connect now), 57014 (query_canceled: statement_timeout), 53300 (too many
// connections). postgres.js's own codes for a socket that failed or closed under it.
const SQLSTATE = /^(08|57P0[123]$|57014$|53300$)/;
const DRIVER = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED']);

export function isDatabaseUnavailable(e: unknown): boolean {
  // drizzle wraps the driver's error (DrizzleQueryError) with the original as its cause.
  for (let err = e, depth = 0; err && typeof err === 'object' && depth < 5; err = (err as { cause?: unknown }).cause, depth++) {
    const code = (err as { code?: unknown }).code;
    if (typeof code === 'string' && (DRIVER.has(code) || SQLSTATE.test(code))) return true;
  }
  return false;
}
