/**
 * The machine endpoints' routes (issue 25): path → method → the very handler function the
 * route file under app/ exports (machine-routes.test.ts checks each is the same object). The
 * production server (server.mjs) dispatches these straight to the engine, skipping Next's
 * routing; `next dev` and `next start` keep using the route files. Browser endpoints
 * (authorize, logout) are not here: they need Next's session and pages.
 */
import { PATHS } from '@/lib/oauth/paths';
import { oauth } from './oauth-server';

type Handler = (req: Request) => Promise<Response>;
export type MethodHandlers = Readonly<Partial<Record<'GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS', Handler>>>;

export const MACHINE_ROUTES: Readonly<Record<string, MethodHandlers>> = {
  [PATHS.token]: { POST: oauth.token, OPTIONS: oauth.preflight },
  [PATHS.introspect]: { GET: oauth.introspect, POST: oauth.introspect, OPTIONS: oauth.preflight },
  [PATHS.revoke]: { POST: oauth.revoke, OPTIONS: oauth.preflight },
  [PATHS.userinfo]: { GET: oauth.userinfo, POST: oauth.userinfo, OPTIONS: oauth.preflight },
  [PATHS.jwks]: { GET: oauth.jwks, OPTIONS: oauth.preflight },
  [PATHS.serverMetadata]: { GET: oauth.metadata, OPTIONS: oauth.preflight },
  [PATHS.discovery]: { GET: oauth.discovery, OPTIONS: oauth.preflight },
  '/o/.well-known/openid-configuration': { GET: oauth.discovery, OPTIONS: oauth.preflight },
  [PATHS.register]: { POST: oauth.register, OPTIONS: oauth.preflight },
};

/** RFC 7592: /o/register/<client_id>, one segment. */
const CLIENT_CONFIGURATION: MethodHandlers = {
  GET: oauth.clientConfiguration,
  PUT: oauth.clientConfiguration,
  DELETE: oauth.clientConfiguration,
  OPTIONS: oauth.registrationPreflight,
};

// next.config.js adds the anti-framing headers to every path but these; the fast path adds
// them to the rest (registration), so both paths answer with the same headers.
const NO_FRAMING_EXEMPT = /^\/(o\/token|o\/revoke_token|o\/introspect|o\/userinfo|o\/\.well-known|\.well-known)/;
const NO_FRAMING: Readonly<Record<string, string>> = { 'X-Frame-Options': 'DENY', 'Content-Security-Policy': "frame-ancestors 'none'" };

export interface FastRoute {
  handler: Handler;
  /** Headers next.config.js would add to this path's responses. */
  extraHeaders: Readonly<Record<string, string>>;
}

/**
 * The handler for `method` on `pathname`, or null (Next handles it: pages, other methods, 405s).
 * A trailing slash is the same path (PRODUCT.md: no redirect); HEAD is GET without the body.
 */
export function matchMachineRoute(method: string, pathname: string): FastRoute | null {
  const path = pathname.length > 1 && pathname.endsWith('/') ? pathname.slice(0, -1) : pathname;
  let routes = MACHINE_ROUTES[path];
  if (!routes && path.startsWith(`${PATHS.register}/`) && !path.slice(PATHS.register.length + 1).includes('/')) routes = CLIENT_CONFIGURATION;
  const handler = routes?.[(method === 'HEAD' ? 'GET' : method) as keyof MethodHandlers];
  if (!handler) return null;
  return { handler, extraHeaders: NO_FRAMING_EXEMPT.test(path) ? {} : NO_FRAMING };
}
