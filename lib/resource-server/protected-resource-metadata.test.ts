/** RFC 9728: the protected resource metadata documents, as a client fetches them. */
import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/lib/oauth/settings';
import { protectedResourceMetadata, protectedResourceMetadataPreflight } from './protected-resource-metadata';
import { resourceMetadataUrl } from './protected-resources';

const settings = { ...defaultSettings, issuer: 'https://auth.example', allowTokenInQuery: false };
const fetchDoc = (path: string, s: typeof settings = settings) => protectedResourceMetadata(new Request(`https://auth.example${path}`), s);

describe('RFC 9728 §3 protected resource metadata', () => {
  it('§3.1: the path-suffixed document describes /api/mcp, with this server as its authorization server', async () => {
    const res = await fetchDoc('/.well-known/oauth-protected-resource/api/mcp');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.json()).toEqual({
      resource: 'https://auth.example/api/mcp',
      authorization_servers: ['https://auth.example'],
      scopes_supported: ['read'],
      bearer_methods_supported: ['header', 'body'],
      resource_name: 'Example MCP server',
      resource_documentation: 'https://auth.example/',
    });
  });

  it('§3: the root document describes the origin (this app’s example APIs)', async () => {
    const doc = await (await fetchDoc('/.well-known/oauth-protected-resource')).json();
    expect(doc).toMatchObject({ resource: 'https://auth.example', authorization_servers: ['https://auth.example'], scopes_supported: ['read', 'write', 'profile'] });
  });

  it('§3.3: the resource in the document is the one whose metadata URL was fetched', async () => {
    for (const path of ['/.well-known/oauth-protected-resource', '/.well-known/oauth-protected-resource/api/mcp']) {
      const doc = (await (await fetchDoc(path)).json()) as { resource: string };
      expect(resourceMetadataUrl(doc.resource)).toBe(`https://auth.example${path}`);
    }
  });

  it('a trailing slash answers the same document', async () => {
    expect(((await (await fetchDoc('/.well-known/oauth-protected-resource/api/mcp/')).json()) as { resource: string }).resource).toBe('https://auth.example/api/mcp');
  });

  it('answers 404 JSON for a path that is not a protected API', async () => {
    const res = await fetchDoc('/.well-known/oauth-protected-resource/api/unknown');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: string }).error).toBe('not_found');
  });

  it('without OAUTH2_ISSUER, follows the host the client used (development)', async () => {
    const res = protectedResourceMetadata(new Request('http://localhost:3000/.well-known/oauth-protected-resource/api/mcp', { headers: { host: 'localhost:3000' } }), { ...settings, issuer: null });
    expect(await res.json()).toMatchObject({ resource: 'http://localhost:3000/api/mcp', authorization_servers: ['http://localhost:3000'] });
  });

  it('advertises the query method only when OAUTH2_ALLOW_TOKEN_IN_QUERY is on', async () => {
    const doc = await (await fetchDoc('/.well-known/oauth-protected-resource/api/mcp', { ...settings, allowTokenInQuery: true })).json();
    expect(doc.bearer_methods_supported).toEqual(['header', 'body', 'query']);
  });

  it('answers a CORS preflight from any origin (MCP clients send MCP-Protocol-Version)', () => {
    const res = protectedResourceMetadataPreflight();
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toBe('*');
  });
});

describe('RFC 9728 §3.1 metadata URL of a resource', () => {
  it('inserts the well-known segment between the host and the path', () => {
    expect(resourceMetadataUrl('https://api.example/v1/')).toBe('https://api.example/.well-known/oauth-protected-resource/v1');
    expect(resourceMetadataUrl('https://api.example')).toBe('https://api.example/.well-known/oauth-protected-resource');
  });
});

describe('RFC 8707 resources this app serves', () => {
  it('are the origin (with or without its slash) and /api/mcp, on the issuer’s origin', async () => {
    const { protectedResources } = await import('./protected-resources');
    expect(protectedResources('https://auth.example/tenant')).toEqual(['https://auth.example', 'https://auth.example/', 'https://auth.example/api/mcp']);
  });
});
