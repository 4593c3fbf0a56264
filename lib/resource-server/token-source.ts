/**
 * RFC 6750 §2: where a bearer token may come from. The Authorization header (§2.1), a
 * form-encoded body parameter (§2.2), and the query string (§2.3) only when the operator
 * allows it (OAUTH2_ALLOW_TOKEN_IN_QUERY), since URLs end up in logs and Referer headers.
 * RFC 9449 §7.1: `Authorization: DPoP <token>` too, marked `scheme: 'DPoP'` (its proof is checked later).
 */

// §2.1: b64token = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="
const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;

export type TokenFound = { token: string; scheme?: 'DPoP' } | { missing: true } | { malformed: string };

export async function findBearerToken(req: Request, allowQuery: boolean): Promise<TokenFound> {
  const found: string[] = [];
  const header = req.headers.get('authorization');
  const scheme = header ? /^(bearer|dpop)(\s|$)/i.exec(header)?.[1] : undefined;
  if (header && scheme) {
    const token = header.slice(scheme.length).trim();
    if (!B64TOKEN.test(token)) return { malformed: `malformed ${scheme.toLowerCase() === 'dpop' ? 'DPoP' : 'Bearer'} credentials` };
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
  if (!found.length) return { missing: true };
  // Only the header can carry the DPoP scheme (a body or query token is a bearer token).
  return scheme?.toLowerCase() === 'dpop' && found.length === 1 ? { token: found[0]!, scheme: 'DPoP' } : { token: found[0]! };
}
