/**
 * RFC 9449 §4.3 item 9: the proof's `htu` is compared with the request's URI without its query
 * and fragment, after RFC 3986 §6.2.2 (syntax-based) and §6.2.3 (scheme-based) normalisation:
 * scheme and host in lower case, the default port dropped, an empty path as "/", percent-encoded
 * unreserved characters decoded and other percent-encodings in upper case, dot segments removed.
 * The WHATWG URL parser does all of it but the percent-encoding, which is done here.
 */

const UNRESERVED = /[A-Za-z0-9\-._~]/;

function normalisePercentEncoding(path: string): string {
  return path.replace(/%([0-9a-fA-F]{2})/g, (_, hex: string) => {
    const c = String.fromCharCode(parseInt(hex, 16));
    return UNRESERVED.test(c) ? c : `%${hex.toUpperCase()}`;
  });
}

/** The normalised form of an http(s) URI without query and fragment; null when it is not one. */
export function normaliseHtu(uri: string): string | null {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  return `${url.protocol}//${url.host}${normalisePercentEncoding(url.pathname)}`;
}

/**
 * The URIs a proof for this request may name: the request's path under the issuer (what the
 * client called, whatever a proxy rewrote the host to; on the issuer's origin, and under its path
 * when it has one), each with or without a trailing slash (every path answers both, PRODUCT.md).
 */
export function expectedHtus(req: Request, issuer: string): string[] {
  const path = new URL(req.url).pathname;
  const other = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : `${path}/`;
  const bases = new Set([new URL(issuer).origin, issuer.replace(/\/$/, '')]);
  const all = [...bases].flatMap((base) => [`${base}${path}`, `${base}${other}`]).map((u) => normaliseHtu(u));
  return [...new Set(all.filter((u): u is string => u !== null))];
}
