/**
 * This app's example APIs (/api/hello, /api/me, /api/notes, /api/client-info), built in one place so tests can run
 * the exact configuration the routes export against their own database. Together they are the
 * resource `/` (the issuer's origin, lib/resource-server/protected-resources.ts): a token whose RFC 8707
 * audience names another resource (another server, or /api/mcp) is refused with invalid_token.
 */
import { withOAuth, type WithOAuthOptions } from './with-oauth';
import { withClientAuth, type VerifyClientOptions } from './with-client-auth';
import { exampleNotes, MAX_NOTE_LENGTH, type NotesStore } from './example-notes';
import type { SessionOptions } from './session-access';

/** The resource identifier path of the example APIs. */
export const EXAMPLE_APIS_RESOURCE = '/';

type Options = Omit<WithOAuthOptions, 'resource' | 'scopes' | 'readWrite'> &
  Pick<SessionOptions, 'session'> &
  Pick<VerifyClientOptions, 'deps'> & {
    /** Where /api/notes keeps notes: the process's in-memory demo list unless given. */
    notes?: () => NotesStore;
  };

/** A note's text from a JSON (`{"text": …}`), form (`text=…`) or plain-text body; null when there is none. */
async function noteText(req: Request): Promise<string | null> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const raw = await req.text();
  let text: unknown = raw;
  if (type === 'application/json') {
    try {
      text = (JSON.parse(raw) as { text?: unknown } | null)?.text;
    } catch {
      return null;
    }
  } else if (type === 'application/x-www-form-urlencoded') {
    text = new URLSearchParams(raw).get('text');
  }
  return typeof text === 'string' && text.trim() ? text.trim().slice(0, MAX_NOTE_LENGTH) : null;
}

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
   * The read/write example (DOT's ReadWriteScopedResourceView), that also serves this app's own
   * pages (DRF's IsAuthenticatedOrTokenHasScope): GET needs OAUTH2_READ_SCOPE and POST
   * OAUTH2_WRITE_SCOPE from a token; the signed-in user's session is full access, a POST with it
   * only from this site (Origin). Notes are kept per user (per client for a client_credentials
   * token) in memory: a demo (lib/resource-server/example-notes.ts).
   */
  const notesOf = opts.notes ?? exampleNotes;
  const notes = withOAuth(
    async (req, { token, session }) => {
      const owner = session ? `user:${session.userId}` : token?.userId ? `user:${token.userId}` : `client:${token?.clientId}`;
      const user = session?.email ?? token?.username ?? null;
      const via = session ? 'session' : 'access_token';
      if (req.method === 'GET') return Response.json({ notes: notesOf().list(owner), user, scope: token?.scope ?? null, via }, { headers: { 'Cache-Control': 'no-store' } });
      const text = await noteText(req);
      if (text === null) return Response.json({ error: 'invalid_request', error_description: 'a note needs some text ({"text": "…"}, text=…, or a plain-text body)' }, { status: 400 });
      return Response.json({ note: notesOf().add(owner, text), user, via }, { status: 201 });
    },
    { ...base, readWrite: true, allowSession: true },
  );
  /**
   * Who is calling (DOT's ClientProtectedResourceView, with ClientProtectedScopedResourceView's
   * token fallback): a client with its credentials, as at the token endpoint, or with an access token.
   */
  const clientInfo = withClientAuth(
    async (_req, { client, method, token }) =>
      Response.json(
        { client_id: client.clientId, name: client.name, client_type: client.clientType, authenticated_with: method, scope: token?.scope ?? null, user: token?.username ?? null },
        { headers: { 'Cache-Control': 'no-store' } },
      ),
    { ...base, allowToken: true },
  );
  return { hello, me, notes, clientInfo };
}

export const exampleApis = createExampleApis();
