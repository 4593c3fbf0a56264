/**
 * This app's own protected APIs, in one place, so their RFC 9728 metadata, the resource
 * indicators the authorization endpoint accepts (RFC 8707) and the toolkit's audience check
 * agree. A resource identifier is the issuer's origin plus the API's path; `/` stands for the
 * app's example APIs as a whole (/api/hello, /api/me, /api/notes), whose identifier is the bare origin.
 */
import type { Settings } from '@/lib/oauth/settings';
import { PATHS } from '@/lib/oauth/paths';

export interface ProtectedApi {
  /** Path on this app's origin (`/` for the origin itself). */
  path: string;
  /** RFC 9728 resource_name. */
  name: string;
  /** RFC 9728 scopes_supported: what a client should ask for to use this API. */
  scopes: (settings: Pick<Settings, 'readScope' | 'writeScope'>) => string[];
}

export const PROTECTED_APIS: readonly ProtectedApi[] = [
  { path: '/', name: 'Example APIs', scopes: (s) => [s.readScope, s.writeScope, 'profile'] },
  // The MCP server needs only read: what an MCP client asks for when it reads scopes_supported.
  { path: '/api/mcp', name: 'Example MCP server', scopes: (s) => [s.readScope] },
];

/** RFC 8707 §2 resource identifier of a path on the issuer's origin. */
export function resourceIdentifier(issuer: string, path: string): string {
  const origin = new URL(issuer).origin;
  return path === '/' ? origin : origin + path;
}

/**
 * Resource identifiers of every API above, for the issuer a request was made to. The bare
 * origin is also accepted with its trailing slash: clients that parse it as a URL send that.
 */
export function protectedResources(issuer: string): string[] {
  return PROTECTED_APIS.flatMap((api) => {
    const id = resourceIdentifier(issuer, api.path);
    return api.path === '/' ? [id, `${id}/`] : [id];
  });
}

/** RFC 9728 §3.1: the metadata URL of a resource: /.well-known/oauth-protected-resource inserted before its path. */
export function resourceMetadataUrl(resource: string): string {
  const u = new URL(resource);
  const path = u.pathname === '/' ? '' : u.pathname.replace(/\/$/, '');
  return `${u.origin}${PATHS.protectedResourceMetadata}${path}${u.search}`;
}

export function findProtectedApi(path: string): ProtectedApi | undefined {
  const normalized = path === '' ? '/' : path.replace(/(.)\/$/, '$1');
  return PROTECTED_APIS.find((api) => api.path === normalized);
}
