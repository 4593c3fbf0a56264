/**
 * Redirect URIs, secure by default (RFC 9700 §2.1, §4.1; RFC 8252 §7).
 * Matching is exact string comparison, except http loopback redirects (127.0.0.1, [::1],
 * localhost), which match on any port (RFC 8252 §7.3: a native app picks its port at run time).
 */
import type { Settings } from './settings';

/** Host names that are this device (URL.hostname spelling); also what the metadata-document loopback setting allows. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', '[::1]', 'localhost']);
/** Schemes that run code, read local files or leave the browser's navigation model: never a redirect target. */
const NEVER = new Set(['javascript:', 'data:', 'file:', 'vbscript:', 'blob:', 'about:', 'filesystem:', 'view-source:', 'jar:']);

/** RFC 6749 §3.1.2: an absolute URI without a fragment; RFC 9700 §4.1.3: matched exactly, so no wildcards. (No settings: the browser form uses it too.) */
export function redirectUriShapeProblem(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return 'is not an absolute URI';
  }
  if (uri.includes('#')) return 'must not contain a fragment (#)';
  if (uri.includes('*')) return 'must not contain wildcards';
  if (NEVER.has(url.protocol)) return `uses the ${url.protocol} scheme, which is never allowed`;
  if (url.username || url.password) return 'must not contain a user name or password';
  return null;
}

/** Loopback (RFC 8252 §7.3) or a private-use scheme (§7.1): the browser goes back to an app on this device. */
export function isOnThisDevice(uri: string): boolean {
  try {
    const url = new URL(uri);
    if (url.protocol === 'http:' || url.protocol === 'https:') return LOOPBACK_HOSTS.has(url.hostname);
    return true;
  } catch {
    return false;
  }
}

/**
 * Why a URI may not be registered, or null when it may. Used by the dashboard, createapplication,
 * dynamic registration and client ID metadata documents. `native`: a public client (an app on the
 * user's device), which may use any private-use scheme (RFC 8252 §7.1: `cursor://…`,
 * `com.example.app:/cb`); a confidential (web) client may only when the operator lists the scheme.
 */
export function redirectUriProblem(
  uri: string,
  settings: Pick<Settings, 'allowedRedirectUriSchemes'>,
  client: { native: boolean } = { native: false },
): string | null {
  const shape = redirectUriShapeProblem(uri);
  if (shape) return shape;
  const url = new URL(uri);
  const scheme = url.protocol.slice(0, -1);
  if (scheme === 'https') return url.hostname ? null : 'has no host';
  if (scheme === 'http') {
    // RFC 8252 §7.3 and RFC 9700 §2.1: plain http only for loopback, unless the operator opts in.
    if (LOOPBACK_HOSTS.has(url.hostname)) return null;
    return settings.allowedRedirectUriSchemes.includes('http') ? null : 'must use https (http is allowed only for localhost, 127.0.0.1 and [::1])';
  }
  if (client.native || settings.allowedRedirectUriSchemes.includes(scheme)) return null;
  return `uses the scheme "${scheme}", which only native (public) clients may use unless it is in OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES`;
}

function isHttpLoopback(url: URL) {
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** RFC 6749 §3.1.2.3 with RFC 8252 §7.3: does `requested` match one of the registered URIs? */
export function matchRedirectUri(requested: string, registered: string[]): boolean {
  if (registered.includes(requested)) return true;
  let req: URL;
  try {
    req = new URL(requested);
  } catch {
    return false;
  }
  if (!isHttpLoopback(req) || NEVER.has(req.protocol)) return false;
  return registered.some((r) => {
    try {
      const reg = new URL(r);
      // Same loopback host, path and query; only the port may differ.
      if (!isHttpLoopback(reg) || reg.hostname !== req.hostname) return false;
      reg.port = req.port;
      return reg.toString() === req.toString();
    } catch {
      return false;
    }
  });
}
