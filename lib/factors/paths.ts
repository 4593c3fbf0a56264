/** The pages of issue 22's sign-in steps. Pure: usable by the engine's seam, pages and tests. */
export const VERIFY_PATH = '/login/verify';

/** /login/verify, with `next` (a path on this site) to return to afterwards. */
export function verifyPath(next?: string | null, extra?: Record<string, string>): string {
  const params = new URLSearchParams();
  if (next && next !== '/') params.set('next', next);
  for (const [k, v] of Object.entries(extra ?? {})) params.set(k, v);
  const qs = params.toString();
  return qs ? `${VERIFY_PATH}?${qs}` : VERIFY_PATH;
}
