/**
 * RFC 8707: resource indicators. A client names the protected resource(s) a token is for; the
 * token's audience is then exactly those, so an API can refuse a token meant for another one.
 *
 * Known resources: OAUTH2_RESOURCES, this app's own protected APIs (Deps.protectedResources,
 * which depend on the issuer the request was made to), and the resource URIs applications
 * declare in the dashboard (one query, made only when a request names a resource).
 */
import type { Deps } from './context';
import { OAuthError } from './errors';
import { paramValues, type Params } from './http';

/** §2: absolute URIs without a fragment; anything else is invalid_target. */
export function readResources(params: Params): string[] {
  const values = paramValues(params, 'resource');
  for (const value of values) {
    let url: URL | null = null;
    try {
      url = new URL(value);
    } catch {
      /* reported below */
    }
    if (!url || value.includes('#')) throw new OAuthError('invalid_target', `resource '${value}' is not an absolute URI without a fragment (RFC 8707 §2)`);
  }
  return [...new Set(values)];
}

/** Throws invalid_target naming the first resource this server does not know. */
export async function requireKnownResources(resources: string[], issuer: string, deps: Deps): Promise<void> {
  if (resources.length === 0) return;
  const known = new Set([...deps.settings.resources, ...(deps.protectedResources?.(issuer) ?? [])]);
  const rest = resources.filter((r) => !known.has(r));
  if (rest.length === 0) return;
  const declared = new Set(await deps.store.findDeclaredResources(rest));
  const unknown = rest.find((r) => !declared.has(r));
  if (unknown !== undefined) throw new OAuthError('invalid_target', `resource '${unknown}' is not a resource this server issues tokens for`);
}

/**
 * §2.2: the audience of an access token from a grant. The grant's resources (null: the grant is not
 * restricted) bound what a token request may name; naming none gives the whole grant's audience.
 */
export async function audienceFor(params: Params, granted: string[] | null, issuer: string, deps: Deps): Promise<string[] | null> {
  const requested = readResources(params);
  if (requested.length === 0) return granted;
  if (granted === null) {
    await requireKnownResources(requested, issuer, deps);
    return requested;
  }
  const outside = requested.find((r) => !granted.includes(r));
  if (outside !== undefined) throw new OAuthError('invalid_target', `resource '${outside}' was not part of the authorization grant`);
  return requested;
}

/**
 * §2 / RFC 9068 §4: is a token with this audience meant for a resource known by these
 * identifiers? A token with no audience was issued without a `resource` and is not restricted.
 */
export function audienceIncludes(audience: string[] | null, accepted: readonly string[]): boolean {
  if (!audience || audience.length === 0) return true;
  return audience.some((a) => accepted.includes(a));
}

/**
 * The identifiers under which this server's own endpoints that take a bearer token (userinfo,
 * bearer-authenticated introspection) accept it: the issuer, and the issuer's origin with or
 * without its trailing slash — the origin is also the identifier of this app's example APIs
 * (lib/resource-server/protected-resources.ts), which are served by this same server. A token for
 * /api/mcp, or for another resource server, is not for them.
 */
export function authorizationServerAudience(issuer: string): string[] {
  const origin = new URL(issuer).origin;
  return [...new Set([issuer, issuer.replace(/\/$/, ''), origin, `${origin}/`])];
}
