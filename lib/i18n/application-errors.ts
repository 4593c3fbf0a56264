/**
 * The application form's validation messages in the page's language. The rules
 * (lib/applications, lib/oauth/redirect-uri.ts, lib/oauth/client-jwks.ts) word their refusals in
 * English once, for the form, the CLI and dynamic registration alike; they stay free of
 * next-intl. The form (browser check and server action) shows such a sentence, and this table
 * recognises it and says it again from the catalogue (messages/<locale>/dashboard.json,
 * `dashboard.errors`), keeping the parts it names (the URI as typed, a number, a scope).
 *
 * English is passed through untouched, so it stays byte-identical whatever this table says. A
 * sentence no entry recognises (a rule added later) shows in English rather than not at all;
 * application-errors.test.ts produces every rule's message and fails on one left out.
 * Browser-safe: no imports.
 */

/** The keys under `dashboard.errors`; each pattern's named groups are the message's arguments. */
const PATTERNS = [
  // The form's own choices (lib/applications/schema.ts).
  ['tooLong', /^Too long$/],
  ['tooManyScopes', /^Too many scopes$/],
  ['chooseClientType', /^Choose a client type$/],
  ['unknownGrantType', /^Unknown grant type$/],
  ['chooseGrantType', /^Choose at least one grant type$/],
  ['chooseAlgorithm', /^Choose RS256, ES256 or none$/],
  ['chooseRateLimit', /^Choose the default, a custom limit or no limit$/],
  ['chooseAuthMethod', /^Choose client secret, private key JWT or client secret JWT$/],
  ['chooseTokenFormat', /^Choose opaque or JWT$/],
  ['chooseScopes', /^Choose the scopes$/],
  ['chooseRefresh', /^Choose whether to issue refresh tokens$/],
  ['nameEmpty', /^Name must not be empty$/],
  ['nameTooLong', /^Name must be at most (?<max>[\d,]+) characters$/],
  // lib/applications/rules.ts
  ['listTooLong', /^At most (?<max>[\d,]+) entries$/],
  ['redirectRequired', /^The (?<grants>.+) grants need at least one redirect URI$/],
  ['clientCredentialsConfidential', /^Client credentials needs a confidential client$/],
  ['tokenExchangeConfidential', /^Token exchange needs a confidential client$/],
  ['resourceServerConfidential', /^Needs a confidential client \(it authenticates with its secret\)$/],
  ['dpopImplicit', /^The implicit grant cannot issue DPoP-bound tokens; remove it or turn off Require DPoP$/],
  ['notOrigin', /^(?<value>.+) is not an origin \(scheme:\/\/host\[:port\], no path\)$/],
  ['rateLimit', /^Enter a whole number of requests per minute, from 1 to (?<max>[\d,]+)$/],
  ['backchannelAbsolute', /^The back-channel logout URI must be an absolute URL \(https:\/\/…\)$/],
  ['backchannelFragment', /^The back-channel logout URI must not have a fragment \(#…\)$/],
  ['backchannelCredentials', /^The back-channel logout URI must not contain a user name or password$/],
  ['backchannelHttps', /^The back-channel logout URI must use https \(http only on localhost, 127\.0\.0\.1 or \[::1\]\)$/],
  ['deviceCodeLifetime', /^The device code lifetime must be a whole number of seconds from (?<min>[\d,]+) to (?<max>[\d,]+)$/],
  // lib/oauth/redirect-uri.ts (and a resource URI, a JWKS URI: the same words)
  ['notAbsoluteUri', /^(?<value>.+) is not an absolute URI$/],
  ['uriFragment', /^(?<value>.+) must not contain a fragment \(#\)$/],
  ['uriFragmentHave', /^(?<value>.+) must not have a fragment \(#\)$/],
  ['uriWildcard', /^(?<value>.+) must not contain wildcards$/],
  ['uriNeverScheme', /^(?<value>.+) uses the (?<scheme>\S+) scheme, which is never allowed$/],
  ['uriCredentials', /^(?<value>.+) must not contain a user name or password$/],
  ['uriHttps', /^(?<value>.+) must use https \(http is allowed only for localhost, 127\.0\.0\.1 and \[::1\]\)$/],
  ['uriNativeScheme', /^(?<value>.+) uses the scheme "(?<scheme>[^"]*)", which only native \(public\) clients may use unless it is in OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES$/],
  // lib/applications/key-rules.ts, lib/oauth/client-jwks.ts
  ['secretJwtConfidential', /^Client secret JWT needs a confidential client$/],
  ['privateKeyJwtConfidential', /^Private key JWT needs a confidential client$/],
  ['keysWithoutMethod', /^Keys are used only with the private key JWT authentication method$/],
  ['keysBoth', /^Give the keys inline \(JWKS\) or by URL \(JWKS URI\), not both$/],
  ['keysMissing', /^Private key JWT needs the client's public keys: a JWKS or a JWKS URI$/],
  ['jwksNotSet', /^Must be a JWK Set: a JSON object with a "keys" array$/],
  ['jwksEmpty', /^Must be a JWK Set: a JSON object with a non-empty "keys" array$/],
  ['jwksTooManyKeys', /^Must hold at most (?<max>[\d,]+) keys$/],
  ['jwksTooLong', /^Must be at most (?<max>[\d,]+) characters$/],
  ['jwksNotJson', /^Is not valid JSON$/],
  ['jwkNotObject', /^Key (?<n>\d+) is not a JSON object$/],
  ['jwkPrivate', /^Key (?<n>\d+) is a private or symmetric key \("(?<member>[^"]*)"\): publish only the public key$/],
  ['jwkKty', /^Key (?<n>\d+) has kty (?<kty>.+); use RSA, EC or OKP$/],
  ['jwkUse', /^Key (?<n>\d+) has use "(?<use>.*)"; client assertion keys are for signatures \("sig"\)$/],
  ['jwkAlg', /^Key (?<n>\d+) has alg "(?<alg>.*)"; supported: (?<algs>.+)$/],
  ['notAbsoluteUrl', /^(?<value>.+) is not an absolute URL$/],
  ['notHttpsUrl', /^(?<value>.+) must be an https URL$/],
  // lib/applications/policy.ts
  ['accessTokenLifetime', /^The access token lifetime must be a whole number of seconds from (?<min>[\d,]+) to (?<max>[\d,]+)$/],
  ['refreshTokenLifetime', /^The refresh token lifetime must be a whole number of seconds from (?<min>[\d,]+) to (?<max>[\d,]+)$/],
  ['idTokenLifetime', /^The ID token lifetime must be a whole number of seconds from (?<min>[\d,]+) to (?<max>[\d,]+)$/],
  ['unknownScope', /^"(?<scope>[^"]*)" is not a scope this server offers$/],
  ['privilegedScope', /^"(?<scope>[^"]*)" is only for applications an operator has marked as resource servers$/],
] as const;

export type ApplicationErrorKey = (typeof PATTERNS)[number][0];

/** The groups that are counts: shown with the locale's digits and separators ("604.800" in German). */
const NUMBERS = new Set(['max', 'min']);
/** The groups that are English lists ("authorization-code and implicit"): joined again in the locale's words. */
const LISTS = new Set(['grants']);

/**
 * Which catalogue entry an English message is, with its arguments as `locale` shows them; null
 * when no entry knows it.
 */
export function matchApplicationError(message: string, locale = 'en'): { key: ApplicationErrorKey; values: Record<string, string | number> } | null {
  for (const [key, pattern] of PATTERNS) {
    const m = pattern.exec(message);
    if (!m) continue;
    const values: Record<string, string | number> = {};
    for (const [name, text] of Object.entries(m.groups ?? {})) {
      if (NUMBERS.has(name)) values[name] = Number(text.replaceAll(',', ''));
      else if (LISTS.has(name)) values[name] = new Intl.ListFormat(locale, { type: 'conjunction' }).format(text.split(' and '));
      else values[name] = text;
    }
    return { key, values };
  }
  return null;
}

/**
 * `message` in `locale`: English as it is, another language from `translate` (next-intl's
 * `t` for `dashboard.errors`), or the English when no entry recognises it.
 */
export function localizeApplicationError(
  message: string,
  locale: string,
  translate: (key: ApplicationErrorKey, values: Record<string, string | number>) => string,
): string {
  if (locale === 'en') return message;
  const found = matchApplicationError(message, locale);
  return found ? translate(found.key, found.values) : message;
}
