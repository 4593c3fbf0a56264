import { withOAuth } from '@/lib/resource-server/with-oauth';

/**
 * The read/write example (DOT's ReadWriteScopedResourceView): GET needs OAUTH2_READ_SCOPE,
 * POST needs OAUTH2_WRITE_SCOPE. It echoes instead of storing, so it stays an example.
 */
const handler = withOAuth(
  async (req, { token }) => {
    if (req.method === 'GET') return Response.json({ notes: [], user: token.username, scope: token.scope });
    const text = await req.text();
    return Response.json({ saved: text.slice(0, 200), user: token.username }, { status: 201 });
  },
  { readWrite: true },
);

export const GET = handler;
export const POST = handler;
