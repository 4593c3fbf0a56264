/**
 * OIDC Core §3.1.2.1 `ui_locales`: the languages the client would like the sign-in and consent
 * pages in, in order of preference. The engine reads it with the rest of the authorization
 * request (so a POSTed or pushed request counts as much as a query string) and tells the pages
 * through a short-lived cookie on its redirect; the pages choose among the languages they have
 * (lib/i18n/negotiate.ts). A value that is not a list of language tags is ignored, as the
 * specification allows: the pages then follow the browser.
 */

/** Read by lib/i18n/request-locale.ts. */
export const UI_LOCALES_COOKIE = 'oauth_ui_locales';

/** As long as a pending authorization request lives (OAUTH2_PENDING_AUTHORIZATION_EXPIRE_SECONDS' default). */
const COOKIE_SECONDS = 600;
const TAG = /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/;
/** The cookie in a Cookie header (built once, not per request). */
const SENT = new RegExp(`(?:^|;\\s*)${UI_LOCALES_COOKIE}=`);

/** The tags of a `ui_locales` value, or undefined when it is absent or not a list of tags (at most 10). */
export function parseUiLocales(value: string | undefined): string[] | undefined {
  if (value === undefined || value.length > 200) return undefined;
  const tags = value.split(' ').filter(Boolean);
  if (tags.length === 0 || tags.length > 10 || !tags.every((t) => TAG.test(t))) return undefined;
  return tags;
}

/**
 * The redirect that starts a new authorization request carries its ui_locales to the pages; a new
 * request without them clears what an earlier one left, so one client's choice never follows into
 * another client's sign-in.
 */
export function withUiLocalesCookie(res: Response, req: Request, uiLocales: string[] | undefined, secure: boolean): Response {
  const flags = `Path=/; SameSite=Lax; HttpOnly${secure ? '; Secure' : ''}`;
  if (uiLocales) {
    res.headers.append('set-cookie', `${UI_LOCALES_COOKIE}=${encodeURIComponent(uiLocales.join(' '))}; Max-Age=${COOKIE_SECONDS}; ${flags}`);
  } else if (SENT.test(req.headers.get('cookie') ?? '')) {
    res.headers.append('set-cookie', `${UI_LOCALES_COOKIE}=; Max-Age=0; ${flags}`);
  }
  return res;
}
