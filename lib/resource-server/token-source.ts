/**
 * RFC 6750 §2: where a bearer token may come from. The Authorization header (§2.1), a
 * form-encoded body parameter (§2.2), and the query string (§2.3) only when the operator
 * allows it (OAUTH2_ALLOW_TOKEN_IN_QUERY), since URLs end up in logs and Referer headers.
 */

// §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export type TokenFound = { token: string } | { missing: true } | { malformed: string };

export async function findBearerToken(req: Request, allowQuery: boolean): Promise<TokenFound> {
  const found: string[] = [];
  const header = req.headers.get('authorization');
  if (header && /^bearer(\s|$)/i.test(header)) {
    const token = header.slice(6).trim();
    if (!B64TOKEN.test(token)) return { malformed: 'malformed Bearer credentials' };
    found.push(token);
  }
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (req.method !== 'GET' && req.method !== 'HEAD' && type === 'application/x-www-form-urlencoded') {
    // Read a clone, so the handler can still read the body itself.
    const bodyToken = new URLSearchParams(await req.clone().text()).get('access_token');
    if (bodyToken) found.push(bodyToken);
  }
  // Parse the URL only when it could carry a token (most requests have none).
  const queryToken = req.url.includes('access_token=') ? new URL(req.url).searchParams.get('access_token') : null;
  if (queryToken) {
    if (!allowQuery) return { malformed: 'access tokens are not accepted in the query string; use the Authorization header' };
    found.push(queryToken);
  }
  // §2: clients must not use more than one method in each request.
  if (found.length > 1) return { malformed: 'the access token was sent in more than one place' };
  return found.length ? { token: found[0]! } : { missing: true };
}
