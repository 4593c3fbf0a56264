/**
 * Runs only on the dashboard pages (see `matcher`; never on the protocol endpoints): it tells the
 * page the path it was asked for, so a signed-out visitor is sent to /login?next=<that path> and
 * comes back to it (server components can't read the URL). (`ui_locales` is the authorization
 * endpoint's own business: lib/oauth/oidc/ui-locales.ts, for GET, POST and pushed requests alike.)
 */
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  const headers = new Headers(request.headers);
  headers.set('x-pathname', url.pathname + url.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/o/applications/:path*', '/o/authorized-tokens/:path*'],
};
