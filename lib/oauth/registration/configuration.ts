/**
 * RFC 7592 client configuration (GET, PUT, DELETE /o/register/<client_id>), authenticated by the
 * registration access token that registration (register.ts) handed out.
 */
import { bearerError, bearerFromHeader, missingBearer } from '../bearer';
import type { Deps } from '../context';
import { OAuthError } from '../errors';
import { CLIENT_SECRET_JWT } from '../client-secret-jwt';
import { hasControlCharacter, json, NO_STORE } from '../http';
import { digest, safeEqual } from '../secrets';
import type { ClientRecord, RegisteredClientRecord } from '../store';
import { checkClientMetadata, type CheckedMetadata } from './client-metadata';
import { clientInformation, disabled, readMetadata, rules } from './register';

/** RFC 7592 §2: the client configuration endpoint, authenticated by the registration access token. */
export async function clientConfiguration(req: Request, deps: Deps): Promise<Response> {
  if (deps.settings.clients.dynamicRegistration === 'off') return disabled();
  const path = new URL(req.url).pathname.replace(/\/$/, '');
  const clientId = decodePathSegment(path.slice(path.lastIndexOf('/') + 1));
  const token = bearerFromHeader(req);
  if (!token) return missingBearer();
  // A malformed or control-character client_id names no client (and must not reach a query).
  const found = clientId === null ? null : await deps.store.findRegisteredClient(clientId);
  // §2: an unknown client and a wrong token look the same, so the endpoint cannot be probed for client_ids.
  if (!found?.registrationAccessTokenDigest || !safeEqual(digest(token), found.registrationAccessTokenDigest)) {
    throw bearerError('invalid_token', 'the registration access token is not valid for this client');
  }
  switch (req.method) {
    case 'GET':
      return json(clientInformation(req, deps, found.client, found.metadata, found.createdAt, {}), 200, NO_STORE);
    case 'PUT':
      return update(req, deps, found);
    case 'DELETE':
      // §2.3: 204, and the client's tokens go with it (the application row cascades).
      await deps.store.deleteRegisteredClient(found.client.id);
      return new Response(null, { status: 204, headers: NO_STORE });
    default:
      throw new OAuthError('method_not_allowed', `${req.method} is not supported here`, { Allow: 'GET, PUT, DELETE' });
  }
}

function decodePathSegment(segment: string): string | null {
  try {
    const decoded = decodeURIComponent(segment);
    return hasControlCharacter(decoded) ? null : decoded;
  } catch {
    return null;
  }
}

/** §2.2: the body replaces the client's metadata; client_id must match, and the client's kind may not change. */
async function update(req: Request, deps: Deps, found: RegisteredClientRecord): Promise<Response> {
  const raw = await readMetadata(req);
  if (raw.client_id !== found.client.clientId) throw new OAuthError('invalid_request', 'client_id in the body must be this client’s client_id');
  // §2.2: the server-assigned fields are not metadata; ignore them rather than store them.
  for (const k of ['client_id', 'client_secret', 'registration_access_token', 'registration_client_uri', 'client_secret_expires_at', 'client_id_issued_at']) delete raw[k];
  const checked: CheckedMetadata = checkClientMetadata(raw, rules(deps));
  if (checked.client.clientType !== found.client.clientType) {
    throw new OAuthError('invalid_client_metadata', `token_endpoint_auth_method cannot change between none and a client secret; register a new client instead`);
  }
  // The secret stays; so does its sealed copy, which only client_secret_jwt has (from registration).
  if (checked.authMethod === CLIENT_SECRET_JWT && !found.client.clientSecretSealed) {
    throw new OAuthError('invalid_client_metadata', 'token_endpoint_auth_method cannot change to client_secret_jwt after registration (the secret is kept only as a digest); register a new client instead');
  }
  const secrets = { clientSecretDigest: found.client.clientSecretDigest, clientSecretSealed: checked.authMethod === CLIENT_SECRET_JWT ? found.client.clientSecretSealed : null };
  await deps.store.updateRegisteredClient(found.client.id, { ...checked.client, ...secrets }, deps.clock());
  const updated: ClientRecord = { ...found.client, ...checked.client, ...secrets };
  return json(clientInformation(req, deps, updated, checked.client.metadata, found.createdAt, {}), 200, NO_STORE);
}
