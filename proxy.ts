/**
 * Runs only on the dashboard pages and the authorization endpoint (see `matcher`; never on the
 * machine endpoints).
 * - Dashboard: it tells the page the path it was asked for, so a signed-out visitor is sent to
 *   /login?next=<that path> and comes back to it (server components can't read the URL).
 * - /o/authorize: OIDC Core §3.1.2.1 `ui_locales` chooses the language of the sign-in and consent
 *   pages that follow. The engine stores the request and redirects; the pages read this cookie
 *   (lib/i18n/request-locale.ts). It lives as long as a pending request (10 minutes) and a new
 *   request without ui_locales clears it, so one client's choice never follows into another's.
 */
import { NextResponse, type NextRequest } from 'next/server';

const UI_LOCALES_COOKIE = 'oauth_ui_locales'; // lib/i18n/request-locale.ts (the proxy bundles nothing of lib/)
const PENDING_SECONDS = 600;

export function proxy(request: NextRequest) {
  const url = request.nextUrl;
  if (url.pathname === '/o/authorize' || url.pathname === '/o/authorize/') {
    const response = NextResponse.next();
    const uiLocales = url.searchParams.get('ui_locales')?.trim().slice(0, 200);
    const isNewRequest = url.searchParams.has('client_id') || url.searchParams.has('request_uri');
    if (uiLocales && /^[A-Za-z0-9\- ]+$/.test(uiLocales)) {
      response.cookies.set(UI_LOCALES_COOKIE, uiLocales, { path: '/', maxAge: PENDING_SECONDS, sameSite: 'lax', httpOnly: true, secure: url.protocol === 'https:' });
    } else if (isNewRequest && request.cookies.has(UI_LOCALES_COOKIE)) {
      response.cookies.delete(UI_LOCALES_COOKIE);
    }
    return response;
  }
  const headers = new Headers(request.headers);
  headers.set('x-pathname', url.pathname + url.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/o/applications/:path*', '/o/authorized-tokens/:path*', '/o/authorize', '/o/authorize/'],
};
