/**
 * RFC 9728: protected resource metadata for this app's APIs (lib/resource-server/resources.ts),
 * at /.well-known/oauth-protected-resource and its path-suffixed form (§3.1). Public, so any
 * origin may read it (an MCP client in a browser does).
 */
import { issuerFor } from '@/lib/oauth/context';
import type { Settings } from '@/lib/oauth/settings';
import { findProtectedApi, resourceIdentifier } from './protected-resources';
import { PATHS } from '@/lib/oauth/paths';

const PREFIX = PATHS.protectedResourceMetadata;
const CORS = { 'Access-Control-Allow-Origin': '*' };

type MetadataSettings = Pick<Settings, 'issuer' | 'readScope' | 'writeScope'> & { allowTokenInQuery: boolean };

export function protectedResourceMetadata(req: Request, settings: MetadataSettings): Response {
  const path = new URL(req.url).pathname.slice(PREFIX.length) || '/';
  const api = findProtectedApi(path);
  if (!api) {
    return Response.json(
      { error: 'not_found', error_description: `no protected resource is served at ${path}` },
      { status: 404, headers: { ...CORS, 'Cache-Control': 'no-store' } },
    );
  }
  const issuer = issuerFor(req, settings);
  return Response.json(
    {
      resource: resourceIdentifier(issuer, api.path),
      authorization_servers: [issuer],
      scopes_supported: api.scopes(settings),
      // What lib/resource-server/token-source.ts accepts (RFC 6750 §2).
      bearer_methods_supported: ['header', 'body', ...(settings.allowTokenInQuery ? ['query'] : [])],
      resource_name: api.name,
      resource_documentation: `${new URL(issuer).origin}/`,
    },
    { headers: { ...CORS, 'Cache-Control': 'public, max-age=300' } },
  );
}

/** CORS preflight: MCP clients send an MCP-Protocol-Version header with their discovery requests. */
export function protectedResourceMetadataPreflight(): Response {
  return new Response(null, {
    status: 204,
    headers: { ...CORS, 'Access-Control-Allow-Methods': 'GET, OPTIONS', 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '600' },
  });
}
