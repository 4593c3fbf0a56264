/** Where sign-in may send the browser afterwards. Pure: usable on the server and in the browser. */

/** /login, with `next` when it is a safe place to return to. */
export function loginUrl(next?: string | null, extra?: Record<string, string>): string {
  const params = new URLSearchParams();
  const safe = safeNext(next, '');
  if (safe && safe !== '/') params.set('next', safe);
  for (const [k, v] of Object.entries(extra ?? {})) params.set(k, v);
  const qs = params.toString();
  return qs ? `/login?${qs}` : '/login';
}

/**
 * `next` if it is a path on this site, else `fallback`. Rejects absolute URLs and the
 * protocol-relative forms browsers treat as another host (`//evil`, `/\evil`), which would
 * make the sign-in page an open redirector.
 */
export function safeNext(next: unknown, fallback = '/'): string {
  if (typeof next !== 'string' || !next.startsWith('/')) return fallback;
  if (next.startsWith('//') || next.startsWith('/\\')) return fallback;
  // Control characters (tabs, newlines) are stripped by URL parsers and could rebuild "//".
  if (/[\u0000-\u001f\u007f]/.test(next)) return fallback;
  return next;
}
