/** Reading requests and writing responses at the HTTP boundary. Wire names stay as the RFCs spell them. */
import { OAuthError } from './errors';
import { NO_STORE } from './headers';

export { NO_STORE };

export type Params = Map<string, string>;

/**
 * RFC 8707 §2: `resource` may be repeated, and RFC 8693 §2.1 `audience`; every other parameter
 * must not be (RFC 6749 §3.1, §3.2).
 */
const REPEATABLE = new Set(['resource', 'audience']);
// The extra values of repeatable parameters, beside the Map every endpoint already reads.
const repeated = new WeakMap<Params, Map<string, string[]>>();

/** Every value of a parameter (a repeatable one may have several), in the order sent. */
export function paramValues(params: Params, name: string): string[] {
  const all = repeated.get(params)?.get(name);
  if (all) return all;
  const one = params.get(name);
  return one === undefined ? [] : [one];
}

function addRepeatable(params: Params, key: string, value: string): void {
  let extra = repeated.get(params);
  if (!extra) repeated.set(params, (extra = new Map()));
  const all = extra.get(key) ?? paramValues(params, key);
  extra.set(key, [...all, value]);
  if (!params.has(key)) params.set(key, value);
}

// C0 controls and DEL. No OAuth or OIDC parameter holds one (RFC 6749 Appendix A: client_id,
// state, scope, code and tokens are all printable; none is multi-line), and PostgreSQL text
// cannot hold U+0000 at all, so one reaching a query answered 500.
const CONTROL = /[\u0000-\u001f\u007f]/;
// Appendix A: username and password are UNICODECHARNOCRLF, which admits TAB.
const CONTROL_BUT_TAB = /[\u0000-\u0008\u000a-\u001f\u007f]/;
const TAB_ALLOWED = new Set(['username', 'password']);

export function hasControlCharacter(value: string): boolean {
  return CONTROL.test(value);
}

/** Refuses a parameter name or value holding a control character (invalid_request, naming the parameter). */
function checkCharacters(key: string, value: string): void {
  if (CONTROL.test(key)) throw new OAuthError('invalid_request', 'a parameter name contains a control character');
  if ((TAB_ALLOWED.has(key) ? CONTROL_BUT_TAB : CONTROL).test(value)) throw new OAuthError('invalid_request', `parameter '${key}' contains a control character`);
}

function fromSearchParams(sp: URLSearchParams): Params {
  const params: Params = new Map();
  for (const [key, value] of sp) {
    checkCharacters(key, value);
    if (REPEATABLE.has(key)) {
      if (value !== '') addRepeatable(params, key, value);
      continue;
    }
    // RFC 6749 §3.1 / §3.2: request parameters must not be included more than once.
    if (params.has(key)) throw new OAuthError('invalid_request', `parameter '${key}' is repeated`);
    // §3.1: parameters sent without a value are treated as omitted.
    if (value !== '') params.set(key, value);
  }
  return params;
}

/** Issue 24: the largest form or JSON body a protocol endpoint reads (requests are a few hundred bytes). */
export const MAX_BODY_BYTES = 64 * 1024;

/**
 * The body as UTF-8 text, refused with `tooBig()` once it passes `max` bytes: by its
 * Content-Length before reading, or while reading (chunked), so a huge body costs nothing.
 * Invalid UTF-8 is invalid_request rather than silently replaced.
 */
export async function readBoundedText(req: Request, max: number, tooBig: () => OAuthError): Promise<string> {
  if (Number(req.headers.get('content-length') ?? 0) > max) throw tooBig();
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooBig();
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new OAuthError('invalid_request', 'the request body is not valid UTF-8');
  }
}

const bodyTooLarge = () => new OAuthError('invalid_request', `the request body is larger than ${MAX_BODY_BYTES / 1024} KB`, {}, 413);

/**
 * The request's parameters: the query for GET, the body for POST (form-urlencoded, or JSON as
 * DOT's JSONOAuthLibCore). Repeated parameters and other content types are invalid_request.
 */
export async function readParams(req: Request): Promise<Params> {
  if (req.method === 'GET' || req.method === 'HEAD') return fromSearchParams(new URL(req.url).searchParams);
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return fromSearchParams(new URLSearchParams(await readBoundedText(req, MAX_BODY_BYTES, bodyTooLarge)));
  if (type === 'application/json') return fromJson(await readBoundedText(req, MAX_BODY_BYTES, bodyTooLarge));
  if (type === '' && req.headers.get('content-length') === '0') return new Map();
  throw new OAuthError(
    'invalid_request',
    `unsupported content type '${type || '(none)'}': send application/x-www-form-urlencoded or application/json`,
  );
}

function fromJson(text: string): Params {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError('invalid_request', 'the request body is not valid JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    throw new OAuthError('invalid_request', 'the JSON body must be an object of parameters');
  }
  const params: Params = new Map();
  for (const [key, value] of Object.entries(body)) {
    if (value === null || value === undefined || value === '') continue;
    if (REPEATABLE.has(key) && Array.isArray(value) && value.every((v) => typeof v === 'string')) {
      for (const v of value as string[]) {
        checkCharacters(key, v);
        if (v !== '') addRepeatable(params, key, v);
      }
    } else if (typeof value === 'string') {
      checkCharacters(key, value);
      params.set(key, value);
    }
    else if (typeof value === 'number' || typeof value === 'boolean') {
      checkCharacters(key, '');
      params.set(key, String(value));
    }
    else throw new OAuthError('invalid_request', `parameter '${key}' must be a string`);
  }
  return params;
}

export function requireParam(params: Params, name: string): string {
  const value = params.get(name);
  if (value === undefined) throw new OAuthError('invalid_request', `missing required parameter '${name}'`);
  return value;
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

/** Appends parameters to a redirect URI's query (code flow) or fragment (implicit), keeping what it had. */
export function buildRedirect(uri: string, params: Record<string, string | undefined | null>, mode: 'query' | 'fragment'): string {
  const url = new URL(uri);
  const entries = Object.entries(params).filter((e): e is [string, string] => typeof e[1] === 'string');
  if (mode === 'query') {
    for (const [k, v] of entries) url.searchParams.set(k, v);
    return url.toString();
  }
  url.hash = new URLSearchParams(entries).toString();
  return url.toString();
}

/** RFC 9700 §4.12: 303 after a POST so the browser does not re-post credentials; 302 after a GET. */
export function redirect(location: string, method: string, headers: Record<string, string> = {}): Response {
  return new Response(null, { status: method === 'POST' ? 303 : 302, headers: { Location: location, ...NO_STORE, ...headers } });
}
