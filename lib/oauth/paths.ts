/**
 * Where each endpoint and protocol page answers: the one table that metadata, CORS,
 * registration, logout, the home page and the route folders under app/ agree on. A path here
 * changes only with its folder under app/ (paths.test.ts pins both together).
 */
export const PATHS = {
  /** RFC 6749 §3.1 */
  authorize: '/o/authorize',
  /** RFC 6749 §3.2 */
  token: '/o/token',
  /** RFC 7009 */
  revoke: '/o/revoke_token',
  /** RFC 7662 */
  introspect: '/o/introspect',
  /** OIDC Core §5.3 */
  userinfo: '/o/userinfo',
  /** RFC 7517 */
  jwks: '/o/.well-known/jwks.json',
  /** OIDC RP-Initiated Logout 1.0 */
  logout: '/o/logout',
  logoutConfirm: '/o/logout/confirm',
  /** RFC 7591 §3 (and RFC 7592 at /o/register/<client_id>) */
  register: '/o/register',
  /** RFC 8628 §3.1 */
  deviceAuthorization: '/o/device_authorization',
  /** RFC 9126 §2 */
  par: '/o/par',
  /** RFC 8414 §3 */
  serverMetadata: '/.well-known/oauth-authorization-server',
  /** OIDC Discovery 1.0 §4 */
  discovery: '/.well-known/openid-configuration',
  /** RFC 9728 §3 */
  protectedResourceMetadata: '/.well-known/oauth-protected-resource',
  /** The pages the engine sends a browser to. */
  login: '/login',
  consent: '/o/consent',
  error: '/o/error',
  leaving: '/o/leaving',
  selectAccount: '/o/select-account',
  /** RFC 8628 §3.3: where a person enters a device's user code. */
  device: '/o/device',
} as const;

/**
 * Where a pending authorization request resumes: after sign-in, consent, choosing an account or
 * verifying an email, the authorize endpoint takes the request up again and re-checks everything.
 */
export function resumeAuthorizationPath(requestId: string): string {
  return `${PATHS.authorize}?pending=${encodeURIComponent(requestId)}`;
}

/** The error page for a request that cannot go on (and cannot go back to the client). */
export function errorPagePath(error: string, description: string): string {
  return `${PATHS.error}?${new URLSearchParams({ error, error_description: description })}`;
}

/** The URL of an endpoint under the issuer. */
export function endpointUrl(issuer: string, name: keyof typeof PATHS): string {
  return `${issuer}${PATHS[name]}`;
}

/** OAUTH2_CORS_ANY_ORIGIN answers these with `*`: the token endpoint, registration (and RFC 7592 configuration), and every metadata document. */
export function isAnyOriginPathname(pathname: string): boolean {
  const p = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  if (p === PATHS.token || p === PATHS.register) return true;
  if (p.startsWith(`${PATHS.register}/`) && !p.slice(PATHS.register.length + 1).includes('/')) return true;
  return p.startsWith('/.well-known/') || p.startsWith('/o/.well-known/');
}
