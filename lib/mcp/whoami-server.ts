/**
 * The example MCP server at /api/mcp: Streamable HTTP in stateless mode (a fresh server and
 * transport per request, so any instance can answer any request), one tool `whoami`, protected
 * by the resource-server toolkit as the resource `<issuer origin>/api/mcp` (RFC 8707) whose
 * RFC 9728 metadata is /.well-known/oauth-protected-resource/api/mcp. A 401 names that metadata,
 * which names this server as the authorization server: an MCP client needs only the URL.
 */
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { getSettings, type AppSettings } from '@/lib/config/settings';
import { withOAuth, type TokenInfo, type WithOAuthOptions } from '@/lib/resource-server/with-oauth';

export const MCP_PATH = '/api/mcp';

// Bearer tokens, not cookies: any origin may call it (MCP Inspector runs in a browser) and read the challenge.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'WWW-Authenticate, Mcp-Session-Id',
};

function whoami(token: TokenInfo) {
  return {
    sub: token.userId,
    email: token.username,
    client_id: token.clientId,
    scope: token.scopes,
    aud: token.audience,
    expires_at: Math.floor(token.expiresAt.getTime() / 1000),
  };
}

function buildServer(token: TokenInfo): McpServer {
  const server = new McpServer({ name: 'oauth2-example-mcp', version: '1.0.0' });
  server.registerTool(
    'whoami',
    { title: 'Who am I', description: "The signed-in user (id and email) and the scopes of the access token this MCP client was given." },
    async () => {
      const me = whoami(token);
      return { content: [{ type: 'text', text: JSON.stringify(me) }], structuredContent: me };
    },
  );
  return server;
}

function withCors(res: Response): Response {
  for (const [k, v] of Object.entries(CORS)) res.headers.set(k, v);
  return res;
}

type McpHandlerOptions = Omit<WithOAuthOptions, 'resource' | 'scopes' | 'settings'> & {
  settings?: NonNullable<WithOAuthOptions['settings']> & { clients?: Pick<AppSettings['clients'], 'mcp'> };
};

/** The route handler; `opts` lets tests use their own database, clock and settings. */
export function createMcpHandler(opts: McpHandlerOptions = {}): (req: Request) => Promise<Response> {
  const settings = opts.settings ?? getSettings();
  // RFC 8707 / MCP authorization: with the agent profile on, MCP clients always name the resource,
  // so a token issued without one (or for anything else) was not meant for this server.
  const requireAudience = opts.requireAudience ?? settings.clients?.mcp ?? false;
  const protectedHandler = withOAuth(
    async (req, { token }) => {
      const server = buildServer(token);
      // JSON responses: whoami answers at once, and nothing is left streaming after the request.
      const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
      await server.connect(transport);
      try {
        return await transport.handleRequest(req);
      } finally {
        await server.close();
      }
    },
    { ...opts, settings, requireAudience, resource: MCP_PATH, scopes: [settings.readScope] },
  );
  return async (req) => {
    if (req.method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: {
          ...CORS,
          'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': 'Authorization, Content-Type, Accept, Mcp-Protocol-Version, Mcp-Session-Id, Last-Event-ID',
          'Access-Control-Max-Age': '600',
        },
      });
    }
    return withCors(await protectedHandler(req));
  };
}
