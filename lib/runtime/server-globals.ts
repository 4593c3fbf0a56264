/**
 * What server.mjs (plain JavaScript, outside Next's bundles) shares with the app. Its names
 * are fixed by server.mjs; declared here so the app reads them typed, without casts.
 */
export interface ServerLifecycle {
  /** SIGTERM received: /api/ready answers 503 while requests in flight finish. */
  draining: boolean;
  /** Set by server.mjs: it drains and closes the database itself. */
  customServer?: boolean;
}

/** The machine endpoints' matcher (lib/server/machine-routes.ts), for server.mjs's fast path. */
export type FastPathMatcher = (method: string, pathname: string) => { handler: (req: Request) => Promise<Response>; extraHeaders: Readonly<Record<string, string>> } | null;

declare global {
  var __oauthLifecycle: ServerLifecycle | undefined;
  var __oauthFastPath: FastPathMatcher | undefined;
  var __oauthCloseDatabase: (() => Promise<void>) | undefined;
  var __oauthClusterMetrics: (() => Promise<string>) | undefined;
}

export function serverLifecycle(): ServerLifecycle | undefined {
  return globalThis.__oauthLifecycle;
}

/** server.mjs calls this after draining. */
export function onCloseDatabase(close: () => Promise<void>): void {
  globalThis.__oauthCloseDatabase = close;
}

/** Set at start (lib/server/start.ts): server.mjs dispatches the machine endpoints through it. */
export function offerFastPath(match: FastPathMatcher): void {
  globalThis.__oauthFastPath = match;
}

/**
 * Set by server.mjs in a worker when OAUTH2_WORKERS > 1: the exposition text of every worker,
 * summed by the primary (prom-client's AggregatorRegistry), so one scrape sees the whole instance.
 */
export function clusterMetrics(): (() => Promise<string>) | undefined {
  return globalThis.__oauthClusterMetrics;
}
