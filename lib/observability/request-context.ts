/**
 * What the current request carries for its log line: the request id (server.mjs assigns it),
 * and what the app learns while handling it (the client, the user, the RFC error code).
 *
 * server.mjs runs every request inside an AsyncLocalStorage it keeps on globalThis: Next
 * bundles lib/ separately from server.mjs, so a module-level instance would be two instances.
 * Without server.mjs (next dev, tests) there is no context and the setters do nothing.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface RequestContext {
  requestId: string;
  clientId?: string;
  userId?: string;
  /** The RFC error code of a protocol error response (invalid_grant, invalid_client ...). */
  error?: string;
  /** X-Forwarded-For as server.mjs passed it on (the audit trail picks the client's address from it). */
  forwardedFor?: string;
  /** The User-Agent header (the audit trail records it). */
  userAgent?: string;
}

declare global {
  // Shared with server.mjs under this name.
  var __oauthRequestContext: AsyncLocalStorage<RequestContext> | undefined;
}

/** The current request's context, or undefined outside server.mjs. */
export function requestContext(): RequestContext | undefined {
  return globalThis.__oauthRequestContext?.getStore();
}

/** The request id (the X-Request-Id response header), for code that reports an error to the user. */
export function requestId(): string | undefined {
  return requestContext()?.requestId;
}

/** Records facts for the log line; values are identifiers, never secrets. */
export function noteRequest(facts: Omit<Partial<RequestContext>, 'requestId'>): void {
  const ctx = requestContext();
  if (ctx) Object.assign(ctx, facts);
}

/** Tests: run fn as server.mjs runs a request. */
export function runWithRequestContext<T>(ctx: RequestContext, fn: () => T): T {
  globalThis.__oauthRequestContext ??= new AsyncLocalStorage<RequestContext>();
  return globalThis.__oauthRequestContext.run(ctx, fn);
}
