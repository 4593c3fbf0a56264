/**
 * Issue 24, hostile input: property-based fuzzing (fast-check) of every machine endpoint with
 * random and adversarial requests: methods, content types, repeated and oversized parameters,
 * control characters, invalid UTF-8, deep JSON, odd Authorization headers. The properties: never
 * a 5xx, an error is always one of the RFCs' codes, and no token comes out of a request that
 * could not have earned one. A fixed seed and a bounded number of runs here; FUZZ_RUNS=5000 (and
 * FUZZ_SEED) for a longer run.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { BASE, basic, createTestServer } from '@/lib/testing/oauth';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);

const RFC_CODES = new Set([
  'invalid_request', 'invalid_client', 'invalid_grant', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope',
  'access_denied', 'unsupported_response_type', 'temporarily_unavailable', 'unsupported_token_type', 'invalid_token',
  'insufficient_scope', 'login_required', 'consent_required', 'interaction_required', 'invalid_target', 'request_not_supported',
  'request_uri_not_supported', 'invalid_request_uri', 'invalid_request_object', 'invalid_redirect_uri', 'invalid_client_metadata',
  'invalid_software_statement', 'unapproved_software_statement', 'invalid_dpop_proof', 'use_dpop_nonce',
  'authorization_pending', 'slow_down', 'expired_token', 'method_not_allowed',
]);

const PARAM_NAMES = [
  'grant_type', 'client_id', 'client_secret', 'scope', 'code', 'redirect_uri', 'refresh_token', 'username', 'password', 'token',
  'token_type_hint', 'response_type', 'state', 'nonce', 'code_verifier', 'code_challenge', 'code_challenge_method', 'resource',
  'prompt', 'max_age', 'request_uri', 'request', 'client_assertion', 'client_assertion_type', 'device_code', 'subject_token',
  'redirect_uris', 'client_name', 'token_endpoint_auth_method', 'grant_types', '__proto__', 'constructor', 'toString',
];
const GRANTS = ['client_credentials', 'authorization_code', 'refresh_token', 'password', 'implicit', 'urn:ietf:params:oauth:grant-type:device_code', 'constructor', ''];

const hostileString = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '%00', '\r\n', '../../etc/passwd', "' or 1=1 --", '<script>', 'ℌ𝔢𝔩𝔩𝔬', 'a'.repeat(5000), '{}', '[]', 'null', 'openid read write introspection'),
  fc.constantFrom(...GRANTS),
);

/** Parameters as pairs, so a name can repeat (RFC 6749 §3.1 says it must not). */
const pairs = fc.array(fc.tuple(fc.oneof(fc.constantFrom(...PARAM_NAMES), fc.string({ maxLength: 12 })), hostileString), { maxLength: 12 });

/** JSON nested deeper than anything sensible, or arrays where strings belong. */
const deepJson = fc.integer({ min: 1, max: 3000 }).map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth));

const body = fc.oneof(
  pairs.map((p) => ({ type: 'application/x-www-form-urlencoded', data: new URLSearchParams(p).toString() as BodyInit })),
  pairs.map((p) => ({ type: 'application/json', data: JSON.stringify(Object.fromEntries(p)) as BodyInit })),
  fc.dictionary(fc.constantFrom(...PARAM_NAMES), fc.jsonValue({ maxDepth: 3 })).map((o) => ({ type: 'application/json', data: JSON.stringify(o) as BodyInit })),
  deepJson.map((d) => ({ type: 'application/json', data: d as BodyInit })),
  fc.uint8Array({ maxLength: 200 }).map((b) => ({ type: 'application/x-www-form-urlencoded', data: b as BodyInit })),
  fc.constantFrom('text/plain', 'multipart/form-data; boundary=x', '', 'application/x-www-form-urlencoded; charset=utf-16', 'application/json; charset=latin1').map((type) => ({ type, data: 'grant_type=client_credentials' as BodyInit })),
  fc.constant({ type: 'application/x-www-form-urlencoded', data: `scope=${'a'.repeat(70_000)}` as BodyInit }),
);

describe('issue 24: fuzzing the machine endpoints never yields a 5xx or an unearned token', () => {
  let t: Awaited<ReturnType<typeof createTestServer>>;
  let app: Awaited<ReturnType<typeof t.application>>;
  beforeAll(async () => {
    t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public' } });
    app = await t.application();
  });

  const authorization = () =>
    fc.oneof(
      fc.constant(undefined),
      fc.constant('valid'),
      fc.string({ maxLength: 60 }).map((s) => `Basic ${Buffer.from(s).toString('base64')}`),
      fc.string({ maxLength: 60 }).map((s) => `Bearer ${s}`),
      fc.constantFrom('Basic', 'Basic !!!', 'Bearer', 'DPoP x', 'Basic ' + 'A'.repeat(10_000), 'Negotiate abc'),
    );

  type Endpoint = { name: string; path: string; handle: (req: Request) => Promise<Response> };
  const endpoints = (): Endpoint[] => [
    { name: 'token', path: '/o/token', handle: t.server.token },
    { name: 'introspect', path: '/o/introspect', handle: t.server.introspect },
    { name: 'revoke', path: '/o/revoke_token', handle: t.server.revoke },
    { name: 'authorize', path: '/o/authorize', handle: t.server.authorize },
    { name: 'userinfo', path: '/o/userinfo', handle: t.server.userinfo },
    { name: 'register', path: '/o/register', handle: t.server.register },
    { name: 'client configuration', path: '/o/register/some-client', handle: t.server.clientConfiguration },
  ];

  for (const name of ['token', 'introspect', 'revoke', 'authorize', 'userinfo', 'register', 'client configuration']) {
    it(`${name}: random requests`, async () => {
      const ep = endpoints().find((e) => e.name === name)!;
      await fc.assert(
        fc.asyncProperty(fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH'), body, authorization(), pairs, async (method, b, auth, query) => {
          const url = new URL(BASE + ep.path);
          for (const [k, v] of query.slice(0, 6)) url.searchParams.append(k, v);
          const headers: Record<string, string> = { 'Content-Type': b.type };
          if (auth === 'valid') Object.assign(headers, basic(app.clientId, app.clientSecret));
          else if (auth) headers.Authorization = auth;
          const withBody = method !== 'GET';
          const req = new Request(url, { method, headers, ...(withBody ? { body: b.data, duplex: 'half' } : {}) } as RequestInit);
          const res = await ep.handle(req);
          expect(res.status, `${method} ${ep.path}`).toBeLessThan(500);
          const type = res.headers.get('content-type') ?? '';
          const text = await res.text();
          if (res.status >= 400 && type.includes('json')) {
            const parsed = JSON.parse(text) as { error?: unknown };
            expect(RFC_CODES.has(String(parsed.error)), `error code ${String(parsed.error)}`).toBe(true);
          }
          // The only token a fuzzed request can earn: client_credentials with the real client's
          // credentials (no user, code or refresh token is ever valid in these requests).
          if (ep.name === 'token' && res.status === 200) {
            expect(auth).toBe('valid');
            expect(text).toContain('"token_type"');
          }
          expect(text).not.toMatch(/at \w+ \(|node_modules|Failed query/); // never a stack or a query
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
    }, 120_000);
  }
});
