import { withOAuth } from '@/lib/resource-server/with-oauth';

/** The token's user (DOT tutorial's "me" view): needs the profile scope, and a user (not client_credentials). */
export const GET = withOAuth(
  async (_req, { token }) =>
    token.userId
      ? Response.json({ sub: token.userId, email: token.username, scope: token.scope })
      : Response.json({ error: 'invalid_token', error_description: 'this token has no user (client_credentials)' }, { status: 403 }),
  { scopes: ['profile'] },
);
