/**
 * This app's example APIs (/api/hello, /api/me, /api/notes), built in one place so tests can run
 * the exact configuration the routes export against their own database. Together they are the
 * resource `/` (the issuer's origin, lib/resource-server/protected-resources.ts): a token whose RFC 8707
 * audience names another resource (another server, or /api/mcp) is refused with invalid_token.
 */
import { withOAuth, type WithOAuthOptions } from './with-oauth';

/** The resource identifier path of the example APIs. */
export const EXAMPLE_APIS_RESOURCE = '/';

type Options = Omit<WithOAuthOptions, 'resource' | 'scopes' | 'readWrite'>;

export function createExampleApis(opts: Options = {}) {
  const base = { ...opts, resource: EXAMPLE_APIS_RESOURCE };
  /** A bearer-protected resource (RFC 6750): the benchmark's "protected request". */
  const hello = withOAuth(async (_req, { token }) => Response.json({ message: 'Hello, world', user: token.username, scope: token.scope }), base);
  /** The token's user (DOT tutorial's "me" view): needs the profile scope, and a user (not client_credentials). */
  const me = withOAuth(
    async (_req, { token }) =>
      token.userId
        ? Response.json({ sub: token.userId, email: token.username, scope: token.scope })
        : Response.json({ error: 'invalid_token', error_description: 'this token has no user (client_credentials)' }, { status: 403 }),
    { ...base, scopes: ['profile'] },
  );
  /**
   * The read/write example (DOT's ReadWriteScopedResourceView): GET needs OAUTH2_READ_SCOPE,
   * POST needs OAUTH2_WRITE_SCOPE. It echoes instead of storing, so it stays an example.
   */
  const notes = withOAuth(
    async (req, { token }) => {
      if (req.method === 'GET') return Response.json({ notes: [], user: token.username, scope: token.scope });
      const text = await req.text();
      return Response.json({ saved: text.slice(0, 200), user: token.username }, { status: 201 });
    },
    { ...base, readWrite: true },
  );
  return { hello, me, notes };
}

export const exampleApis = createExampleApis();
