/**
 * Redirect URIs, secure by default (RFC 9700 §2.1, §4.1; RFC 8252 §7).
 * Matching is exact string comparison, except loopback IP redirects, which match on any port.
 */
import type { Settings } from './settings';

const LOOPBACK_IPS = new Set(['127.0.0.1', '[::1]']);
const NEVER = new Set(['javascript:', 'data:', 'file:', 'vbscript:', 'blob:', 'about:']);

/** Why a URI may not be registered, or null when it may. Used by the dashboard and createapplication. */
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
  return null;
}

export function redirectUriProblem(uri: string, settings: Pick<Settings, 'allowedRedirectUriSchemes'>): string | null {
  const shape = redirectUriShapeProblem(uri);
  if (shape) return shape;
  const url = new URL(uri);
  const scheme = url.protocol.slice(0, -1);
  if (scheme === 'https') return url.hostname ? null : 'has no host';
  if (scheme === 'http') {
    // RFC 8252 §7.3 and RFC 9700 §2.1: plain http only for loopback, unless the operator opts in.
    if (LOOPBACK_IPS.has(url.hostname) || url.hostname === 'localhost') return null;
    return settings.allowedRedirectUriSchemes.includes('http') ? null : 'must use https (http is allowed only for localhost and 127.0.0.1)';
  }
  // RFC 8252 §7.1: private-use URI schemes for native apps, when the operator lists them.
  return settings.allowedRedirectUriSchemes.includes(scheme) ? null : `uses the scheme "${scheme}", which is not in OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES`;
}

function isLoopbackIp(url: URL) {
  return url.protocol === 'http:' && LOOPBACK_IPS.has(url.hostname);
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
  if (!isLoopbackIp(req)) return false;
  return registered.some((r) => {
    try {
      const reg = new URL(r);
      if (!isLoopbackIp(reg)) return false;
      reg.port = req.port;
      return reg.toString() === req.toString();
    } catch {
      return false;
    }
  });
}
