/**
 * Client ID metadata documents (draft-ietf-oauth-client-id-metadata-document): a client_id that
 * is an https URL names a JSON document, published by the client, that describes it. The
 * document is fetched (by the injected, SSRF-safe fetcher), checked, and kept as an owner-less
 * public application (registered_via 'metadata_document') so tokens reference it like any
 * client. It is fetched again once older than OAUTH2_CLIENT_ID_METADATA_CACHE_SECONDS: that
 * setting is the one cache bound (the response's Cache-Control is not consulted, so a client
 * cannot pin a document longer or make every request refetch it). Fetches happen only at the
 * authorization endpoint, counted per address; rows of documents never used to complete an
 * authorization are deleted by cleartokens after a day.
 */
import { checkClientMetadata } from './registration/client-metadata';
import type { Deps } from './context';
import { OAuthError } from './errors';
import { rateLimited } from './rate-limit';
import { LOOPBACK_HOSTS } from './redirect-uri';
import type { ClientRecord } from './store';

/** Why a document could not be used: shown on the error page (authorize) or as invalid_client (token). */
export class MetadataDocumentError extends Error {}

export type MetadataDocumentFetcher = (url: URL, options: { allowHttpLoopback: boolean }) => Promise<unknown>;

/** Could this client_id name a metadata document? (Random client_ids never start with a scheme.) */
export function isUrlClientId(clientId: string): boolean {
  return clientId.startsWith('https://') || clientId.startsWith('http://');
}

/** §3 client identifier rules; throws the reason a person reads. */
export function checkClientIdUrl(clientId: string, deps: Pick<Deps, 'settings'>): URL {
  const c = deps.settings.clients;
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    throw new MetadataDocumentError('the client_id is not a URL');
  }
  const loopbackHttp = url.protocol === 'http:' && c.metadataAllowHttpLoopback && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) throw new MetadataDocumentError('the client_id must be an https URL');
  if (url.username || url.password) throw new MetadataDocumentError('the client_id URL must not contain a user name or password');
  if (clientId.includes('#')) throw new MetadataDocumentError('the client_id URL must not contain a fragment');
  const rawPath = clientId.slice(clientId.indexOf('//') + 2).replace(/^[^/?]*/, '').split('?')[0]!;
  if (rawPath.split('/').some((seg) => seg === '.' || seg === '..' || /^%2e(%2e)?$/i.test(seg) || seg === '.%2e' || seg === '%2e.')) {
    throw new MetadataDocumentError('the client_id URL must not contain . or .. path segments');
  }
  if (url.pathname === '/' || url.pathname === '') throw new MetadataDocumentError('the client_id URL must have a path');
  // One spelling per document: https://Example.com/x and https://example.com/x would otherwise be two clients.
  if (url.href !== clientId) throw new MetadataDocumentError(`the client_id URL is not in canonical form (expected ${url.href})`);
  const host = url.hostname.toLowerCase();
  if (c.metadataDeniedHosts.some((p) => hostMatches(host, p))) throw new MetadataDocumentError(`client_id documents from ${host} are not accepted on this server`);
  if (c.metadataAllowedHosts.length && !c.metadataAllowedHosts.some((p) => hostMatches(host, p))) {
    throw new MetadataDocumentError(`client_id documents from ${host} are not accepted on this server (not in OAUTH2_CLIENT_ID_METADATA_ALLOWED_HOSTS)`);
  }
  return url;
}

/** `example.com` matches itself; `*.example.com` matches its subdomains. */
export function hostMatches(host: string, pattern: string): boolean {
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return host === pattern;
}

/** §4: the document's own rules on top of RFC 7591's. */
function checkDocument(doc: unknown, clientId: string, deps: Deps) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc)) throw new MetadataDocumentError('the document is not a JSON object');
  const d = doc as Record<string, unknown>;
  if (d.client_id !== clientId) throw new MetadataDocumentError(`the document's client_id (${JSON.stringify(d.client_id ?? null)}) is not its own URL`);
  if (d.client_secret !== undefined || d.client_secret_expires_at !== undefined) throw new MetadataDocumentError('the document must not contain a client_secret');
  const method = d.token_endpoint_auth_method;
  if (method === 'private_key_jwt') throw new MetadataDocumentError('token_endpoint_auth_method private_key_jwt is not supported by this server; publish token_endpoint_auth_method "none"');
  if (method !== undefined && method !== 'none') throw new MetadataDocumentError(`token_endpoint_auth_method "${String(method)}" is not allowed: a metadata-document client is public ("none")`);
  if (!Array.isArray(d.redirect_uris) || d.redirect_uris.length === 0) throw new MetadataDocumentError('the document has no redirect_uris');
  try {
    // Issue 23: an http logo or policy link is left out (never shown), not a reason to refuse the person signing in.
    return checkClientMetadata(d, { allowedAuthMethods: ['none'], defaultAuthMethod: 'none', settings: deps.settings, refusedLinks: 'drop' });
  } catch (e) {
    if (e instanceof OAuthError) throw new MetadataDocumentError(e.description);
    throw e;
  }
}

// Concurrent requests for one stale document share a fetch (per process and server).
const inFlightByServer = new WeakMap<Deps, Map<string, Promise<ClientRecord>>>();

async function refresh(clientId: string, url: URL, deps: Deps, known: boolean): Promise<ClientRecord> {
  const fetchDocument = deps.fetchMetadataDocument;
  if (!fetchDocument) throw new MetadataDocumentError('this server cannot fetch client metadata documents');
  const doc = await fetchDocument(url, { allowHttpLoopback: deps.settings.clients.metadataAllowHttpLoopback });
  const { client } = checkDocument(doc, clientId, deps);
  const saved = await deps.store.saveMetadataDocumentClient(clientId, client, deps.clock());
  if (!saved) throw new MetadataDocumentError('this client_id belongs to an application registered another way');
  if (!known) deps.events.emit('client_registered', { applicationId: saved.id, clientId, via: 'metadata_document' });
  return saved;
}

/**
 * The client for a client_id, every endpoint's lookup: a stored application, or, for an https
 * URL client_id with metadata documents on, the document's client.
 *
 * Documents are fetched (when new, or older than the cache bound) only for `fetchFor`, the
 * authorization endpoint's request, and counted per address (OAUTH2_RATE_LIMIT_METADATA_FETCH_IP):
 * the token, introspection and revocation endpoints take a document client only once it is
 * known, as stored, so they cannot be used to make this server fetch or add rows.
 * Throws invalid_client with the reason when the document cannot be used.
 */
export async function findClient(clientId: string, deps: Deps, fetchFor?: Request): Promise<ClientRecord | null> {
  const stored = await deps.store.findApplicationByClientId(clientId);
  if (stored && stored.registeredVia !== 'metadata_document') return stored;
  const enabled = deps.settings.clients.metadataDocuments;
  if (!enabled) return null; // turned off: documents seen before no longer make clients
  if (!fetchFor) return stored;
  if (!stored && !isUrlClientId(clientId)) return null;
  try {
    const url = checkClientIdUrl(clientId, deps);
    const age = stored?.metadataFetchedAt ? deps.clock().getTime() - stored.metadataFetchedAt.getTime() : Infinity;
    if (stored && age < deps.settings.clients.metadataCacheSeconds * 1000) return stored;
    let inFlight = inFlightByServer.get(deps);
    if (!inFlight) inFlightByServer.set(deps, (inFlight = new Map()));
    let pending = inFlight.get(clientId);
    if (!pending) {
      const limits = deps.limits;
      const retryAfter = limits ? await limits.consume('metadata_fetch_ip', limits.clientIp(fetchFor)) : null;
      // Over the limit, a known document is used as stored a while longer; a new one waits.
      if (retryAfter !== null) {
        if (stored) return stored;
        throw rateLimited(deps, 'metadata_fetch_ip', retryAfter);
      }
      const map = inFlight;
      pending = refresh(clientId, url, deps, !!stored).finally(() => map.delete(clientId));
      inFlight.set(clientId, pending);
    }
    return await pending;
  } catch (e) {
    if (e instanceof MetadataDocumentError) throw new OAuthError('invalid_client', `The client metadata document at ${clientId} cannot be used: ${e.message}.`);
    throw e;
  }
}
