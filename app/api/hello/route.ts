import { withOAuth } from '@/lib/resource-server/with-oauth';

/** A bearer-protected resource (RFC 6750): the benchmark's "protected request" and an example for resource servers. */
export const GET = withOAuth(async (_req, { token }) => Response.json({ message: 'Hello, world', user: token.username, scope: token.scope }));
