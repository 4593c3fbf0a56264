/**
 * Redirects to clients nobody vetted. A client that registered itself (RFC 7591 dynamic
 * registration, a client ID metadata document) chose its own redirect URIs, so an error
 * redirect from /o/authorize or a logout redirect would make this server an open redirector
 * for anyone (RFC 9700 §4.11.2; OIDC RP-Initiated Logout §3). Those go through an interstitial
 * page ("You are leaving … for …") the person continues from; clients registered in the
 * dashboard or by an operator keep their direct redirects.
 */
import { matchRedirectUri } from './redirect-uri';
import type { ClientRecord } from './store';
import { PATHS } from './paths';

export const LEAVING_PATH = PATHS.leaving;

export function isUnverifiedClient(client: Pick<ClientRecord, 'registeredVia'>): boolean {
  return client.registeredVia === 'dynamic' || client.registeredVia === 'metadata_document';
}

/** Where to send the browser: the target itself, or the interstitial in front of it. */
export function leavingRedirect(client: Pick<ClientRecord, 'clientId' | 'registeredVia'> | null, target: string): string {
  if (!client || !isUnverifiedClient(client) || target.startsWith('/')) return target;
  return `${LEAVING_PATH}?${new URLSearchParams({ client_id: client.clientId, to: target })}`;
}

/**
 * The interstitial only links to a URI the client registered (a redirect or post-logout URI,
 * with our response parameters after it), so its own URL cannot be used to point anywhere else.
 */
export function isClientTarget(client: Pick<ClientRecord, 'redirectUris' | 'postLogoutRedirectUris'>, to: string): boolean {
  let url: URL;
  try {
    url = new URL(to);
  } catch {
    return false;
  }
  const registered = [...client.redirectUris, ...client.postLogoutRedirectUris];
  for (const uri of registered) {
    if (to === uri) return true;
    for (const sep of uri.includes('?') ? ['&', '#'] : ['?', '#']) if (to.startsWith(uri + sep)) return true;
  }
  // Loopback redirects match on any port (RFC 8252 §7.3): compare without the response parameters.
  return matchRedirectUri(`${url.origin}${url.pathname}`, registered);
}
