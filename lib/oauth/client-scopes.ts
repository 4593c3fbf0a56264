/**
 * Per-application scopes (issue 19): each application may request only the scopes in its
 * allowed_scopes, within OAUTH2_SCOPES. Null (applications made before the list existed) means
 * every scope the server offers except `introspection`, so nothing that worked stops working.
 * `introspection` is only ever for applications an operator marked as resource servers
 * (RFC 7662 §4), whatever the list says.
 */
import { OAuthError } from './errors';
import { isOfferedScope, parseScope } from './scopes';
import type { Settings } from './settings';
import type { ClientRecord } from './store';

/** Scopes a client can never give itself: an operator grants them (RFC 7662 §4). */
export const PRIVILEGED_SCOPES: readonly string[] = ['introspection'];

type ScopedClient = Pick<ClientRecord, 'allowedScopes' | 'resourceServer'>;

/** The scopes this application may be granted, in the server's order. */
export function allowedScopesFor(client: ScopedClient, settings: Pick<Settings, 'scopes'>): string[] {
  const offered = Object.keys(settings.scopes);
  // No list: every offered scope (privileged ones only reach a resource server below).
  const list = client.allowedScopes ?? offered;
  return offered.filter((s) => list.includes(s) && (client.resourceServer || !PRIVILEGED_SCOPES.includes(s)));
}

/**
 * RFC 6749 §3.3 for one client: the requested scopes if each is offered and allowed to it
 * (invalid_scope otherwise), or, when none was asked for, OAUTH2_DEFAULT_SCOPES within its list.
 */
export function resolveClientScopes(raw: string | undefined, client: ScopedClient, settings: Pick<Settings, 'scopes' | 'defaultScopes'>): string[] {
  const allowed = allowedScopesFor(client, settings);
  const requested = parseScope(raw);
  if (requested.length === 0) return settings.defaultScopes.filter((s) => allowed.includes(s));
  const unknown = requested.filter((s) => !isOfferedScope(settings, s));
  if (unknown.length) throw new OAuthError('invalid_scope', `unknown scope: ${unknown.join(' ')}`);
  const refused = requested.filter((s) => !allowed.includes(s));
  if (refused.length) throw new OAuthError('invalid_scope', `this application may not request: ${refused.join(' ')}`);
  return requested;
}

/** Scopes granted earlier (a refresh token's) cut to what the application may have now: a narrowed list takes effect at the next refresh. */
export function withinAllowed(granted: string[], client: ScopedClient, settings: Pick<Settings, 'scopes'>): string[] {
  const allowed = allowedScopesFor(client, settings);
  return granted.filter((s) => allowed.includes(s));
}
