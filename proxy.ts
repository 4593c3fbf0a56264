/**
 * Runs only on the dashboard pages (see `matcher`; never on the machine endpoints). It tells
 * the page the path it was asked for, so a signed-out visitor is sent to
 * /login?next=<that path> and comes back to it (server components can't read the URL).
 */
import { NextResponse, type NextRequest } from 'next/server';

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set('x-pathname', request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = {
  matcher: ['/o/applications/:path*', '/o/authorized-tokens/:path*'],
};
