/**
 * RFC 7591 dynamic client registration (POST /o/register), and what the RFC 7592 client
 * configuration endpoint (configuration.ts) shares with it: reading client metadata, the mode
 * check, the client information response. OAUTH2_DYNAMIC_REGISTRATION picks who may register:
 * `public`: anyone, public clients only (token_endpoint_auth_method none); `token`: holders of
 * an initial access token (`manage createinitialaccesstoken`), confidential clients too.
 * Registered clients are owner-less applications marked registered_via 'dynamic'.
 */
import { bearerError, bearerFromHeader, missingBearer } from '../bearer';
import { AUTH_METHODS, checkClientMetadata, METADATA_LIMITS, type MetadataRules } from './client-metadata';
import type { Deps } from '../context';
import { issuerFor } from '../context';
import { OAuthError } from '../errors';
import { enforce } from '../rate-limit';
import { json, NO_STORE, readBoundedText } from '../http';
import { digest, randomToken } from '../secrets';
import type { ClientRecord } from '../store';
import { newClientId } from '../client-id';
import { CLIENT_SECRET_JWT } from '../client-secret-jwt';
import { endpointUrl } from '../paths';


export function disabled(): Response {
  return json({ error: 'invalid_request', error_description: 'dynamic client registration is turned off on this server (OAUTH2_DYNAMIC_REGISTRATION)' }, 404, NO_STORE);
}

export function rules(deps: Deps): MetadataRules {
  const publicOnly = deps.settings.clients.dynamicRegistration === 'public';
  return {
    // client_secret_jwt only where the server can keep such secrets sealed (Deps.clientSecretSealer).
    allowedAuthMethods: publicOnly ? ['none'] : AUTH_METHODS.filter((m) => m !== CLIENT_SECRET_JWT || !!deps.clientSecretSealer),
    // RFC 7591 §2 defaults to client_secret_basic; in public mode the only method allowed is none, so that is the default.
    defaultAuthMethod: publicOnly ? 'none' : 'client_secret_basic',
    settings: deps.settings,
  };
}

/** §3.1: the request body is a JSON object of client metadata. */
export async function readMetadata(req: Request): Promise<Record<string, unknown>> {
  const type = (req.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/json') throw new OAuthError('invalid_client_metadata', 'send the client metadata as an application/json object (RFC 7591 §3.1)');
  const max = METADATA_LIMITS.bodyBytes;
  const text = await readBoundedText(req, max, () => new OAuthError('invalid_client_metadata', `the client metadata is larger than ${max / 1024} KB`, {}, 413));
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError('invalid_client_metadata', 'the request body is not valid JSON');
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw new OAuthError('invalid_client_metadata', 'the request body must be a JSON object');
  const metadata = body as Record<string, unknown>;
  // §2.3: no software statement is approved on this server, so one is refused rather than silently dropped.
  if (metadata.software_statement !== undefined) {
    throw new OAuthError('unapproved_software_statement', 'this server does not accept software statements; register without software_statement');
  }
  return metadata;
}

/** §3: in `token` mode the request carries an initial access token, spent once per registration (after the metadata passed). */
async function spendInitialAccessToken(token: string, deps: Deps): Promise<void> {
  if (!(await deps.store.useInitialAccessToken(digest(token), deps.clock()))) {
    throw bearerError('invalid_token', 'the initial access token is unknown, expired, revoked or used up');
  }
}

/** §3.2.1 / RFC 7592 §3: the registered metadata plus what the server assigned. */
export function clientInformation(
  req: Request,
  deps: Deps,
  client: ClientRecord,
  metadata: Record<string, unknown>,
  issuedAt: Date,
  secrets: { clientSecret?: string; registrationAccessToken?: string },
): Record<string, unknown> {
  const issuer = issuerFor(req, deps.settings);
  return {
    client_id: client.clientId,
    client_id_issued_at: Math.floor(issuedAt.getTime() / 1000),
    ...(secrets.clientSecret ? { client_secret: secrets.clientSecret } : {}),
    // 0: the secret does not expire.
    ...(client.clientType === 'confidential' && client.tokenEndpointAuthMethod !== 'private_key_jwt' ? { client_secret_expires_at: 0 } : {}),
    ...(secrets.registrationAccessToken ? { registration_access_token: secrets.registrationAccessToken } : {}),
    registration_client_uri: `${endpointUrl(issuer, 'register')}/${encodeURIComponent(client.clientId)}`,
    ...metadata,
  };
}

/** RFC 7591 §3.1: POST /o/register. */
export async function register(req: Request, deps: Deps): Promise<Response> {
  if (deps.settings.clients.dynamicRegistration === 'off') return disabled();
  if (req.method !== 'POST') throw new OAuthError('method_not_allowed', 'register a client with POST', { Allow: 'POST, OPTIONS' });
  const tokenMode = deps.settings.clients.dynamicRegistration === 'token';
  const initialAccessToken = bearerFromHeader(req);
  if (tokenMode && !initialAccessToken) return missingBearer();
  if (deps.limits) enforce(deps, 'register_ip', await deps.limits.consume('register_ip', deps.limits.clientIp(req)));
  const checked = checkClientMetadata(await readMetadata(req), rules(deps));
  if (tokenMode) await spendInitialAccessToken(initialAccessToken!, deps);

  const now = deps.clock();
  // private_key_jwt: the client proves itself with its key, so it gets no secret.
  const clientSecret = checked.client.clientType === 'confidential' && checked.authMethod !== 'private_key_jwt' ? randomToken() : undefined;
  const registrationAccessToken = randomToken();
  const client = await deps.store.createRegisteredClient(
    newClientId(),
    {
      ...checked.client,
      clientSecretDigest: clientSecret ? digest(clientSecret) : null,
      // RFC 7523 client_secret_jwt: the one method whose secret is kept sealed, to check its HMACs.
      clientSecretSealed: clientSecret && checked.authMethod === CLIENT_SECRET_JWT ? deps.clientSecretSealer!.seal(clientSecret) : null,
    },
    digest(registrationAccessToken),
    now,
  );
  deps.events.emit('client_registered', { applicationId: client.id, clientId: client.clientId, via: 'dynamic' });
  return json(clientInformation(req, deps, client, checked.client.metadata, now, { clientSecret, registrationAccessToken }), 201, NO_STORE);
}
