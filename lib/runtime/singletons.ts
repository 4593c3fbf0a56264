/**
 * Process-wide singletons, in one typed place. Next bundles instrumentation, route handlers and
 * server actions separately, and `next dev` reloads modules, so a module-level variable would
 * exist once per bundle or per reload: one database pool each, one rate limiter each. These live
 * on globalThis instead, under a single key.
 */
export type SingletonKey =
  | 'database'
  | 'store'
  | 'dashboard-store'
  | 'application-store'
  | 'oauth-server'
  | 'rate-limits'
  | 'default-metrics'
  | 'session-store'
  | 'factor-store'
  | 'account-store'
  | 'mail-queue'
  | 'logout-queue'
  | 'audit-database'
  | 'example-notes';

declare global {
  var __oauthSingletons: Map<SingletonKey, unknown> | undefined;
}

function registry(): Map<SingletonKey, unknown> {
  return (globalThis.__oauthSingletons ??= new Map());
}

/** The value under `key`, created by `create` on first use. One key holds one type: the caller names it. */
export function singleton<T>(key: SingletonKey, create: () => T): T {
  const map = registry();
  if (!map.has(key)) map.set(key, create());
  return map.get(key) as T;
}

/** The value under `key` if it was created (no creation). */
export function existingSingleton<T>(key: SingletonKey): T | undefined {
  return registry().get(key) as T | undefined;
}

/** Puts `value` under `key`, replacing what was there (the command line adopting its own database connection). */
export function setSingleton<T>(key: SingletonKey, value: T): void {
  registry().set(key, value);
}
