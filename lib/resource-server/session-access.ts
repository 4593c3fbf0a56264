/**
 * withOAuth's `allowSession`: DOT's OAuth2TokenMiddleware + OAuth2Backend and DRF's
 * IsAuthenticatedOrTokenHasScope. A request without a token may use the signed-in user's session
 * of this app instead, as full access (the user acts in their own app; scopes bind third-party
 * clients). A request that carries a token is decided by the token alone (verifyAccessToken).
 *
 * The session is a cookie the browser attaches to any request, including one another site makes
 * it send, so unsafe methods (POST, PUT, PATCH, DELETE) need proof that this app's own pages sent
 * them: the Origin header (RFC 6454 §7, which browsers send on every such request) must be this
 * app's origin or one the route trusts. No Origin, or `null`, is refused too (a browser always sends
 * it on these methods; a client without one should use a token). Safe methods change nothing and
 * pass with the session alone, as Django's CSRF middleware does.
 */
import { OAuthError } from '@/lib/oauth/errors';
import { issuerFor } from '@/lib/oauth/context';
import { getSettings, type AppSettings } from '@/lib/config/settings';
import { AccessError } from './access-error';
import { isSafeMethod } from './rules';

/** Who the session says is signed in. */
export interface SessionUser {
  userId: string;
  email: string;
}

export interface SessionOptions {
  /** Reads the signed-in user from the request; default: this app's Auth.js session (lib/auth). Tests pass their own. */
  session?: (req: Request) => Promise<SessionUser | null>;
  /** Origins (`https://app.example.com`) besides this app's own whose pages may use the session for unsafe methods (Django's CSRF_TRUSTED_ORIGINS). */
  trustedOrigins?: string[];
  settings?: Partial<Pick<AppSettings, 'issuer'>>;
}

async function appSession(): Promise<SessionUser | null> {
  // Loaded on first use: routes without allowSession never touch the session code.
  const { currentUser } = await import('@/lib/auth');
  const user = await currentUser();
  return user ? { userId: user.id, email: user.email } : null;
}

/** The hosts this request was addressed to, as the browser saw them (a browser cannot forge Host or X-Forwarded-Host). */
function ownHosts(req: Request): string[] {
  const hosts = [req.headers.get('host'), req.headers.get('x-forwarded-host')?.split(',')[0]?.trim()];
  return hosts.filter((h): h is string => !!h).map((h) => h.toLowerCase());
}

/** A trusted origin as written in the route (`https://app.example.com`, with or without a path), normalised. */
function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return url; // not a URL: it matches nothing a browser sends
  }
}

/** Why an unsafe request may not use the session, or null when its Origin is this app's (or trusted). */
export function crossSiteProblem(req: Request, opts: Pick<SessionOptions, 'trustedOrigins' | 'settings'>): string | null {
  if (isSafeMethod(req.method)) return null;
  const origin = req.headers.get('origin');
  if (!origin || origin === 'null') return `a ${req.method} with the session needs an Origin header from this site (or use an access token)`;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return 'the Origin header is not an origin';
  }
  const issuer = issuerFor(req, { issuer: opts.settings ? (opts.settings.issuer ?? null) : getSettings().issuer });
  const allowed = new Set([new URL(issuer).origin, ...(opts.trustedOrigins ?? []).map(originOf)]);
  if (allowed.has(parsed.origin) || ownHosts(req).includes(parsed.host.toLowerCase())) return null;
  return `cross-site request refused: ${parsed.origin} may not use this site's session for a ${req.method}`;
}

/**
 * The signed-in user for a request that carried no token, or the refusal: `noToken` (the 401
 * challenge) without a session, 403 when an unsafe method comes from another site.
 */
export async function sessionAccess(req: Request, opts: SessionOptions, noToken: AccessError): Promise<SessionUser> {
  const user = await (opts.session ?? appSession)(req);
  if (!user) throw noToken;
  const problem = crossSiteProblem(req, opts);
  if (problem) throw AccessError.of(new OAuthError('access_denied', problem, {}, 403));
  return user;
}
