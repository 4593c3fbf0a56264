/**
 * RFC 9126 §4: /o/authorize?client_id=…&request_uri=… takes the pushed request (single use, bound
 * to the client that pushed it) and nothing else from the URL. Whatever cannot be used goes to
 * our error page: without the pushed request there is no redirect URI we could trust.
 */
import { findClient } from '../client-id-metadata-document';
import type { Deps } from '../context';
import { UntrustedRequest } from '../endpoints/authorization-request-errors';
import { digest } from '../secrets';
import type { Settings } from '../settings';
import type { AuthorizationRequest, ClientRecord, Params } from './types';

/** The pushed request_uri prefix (RFC 9126 §2.2). */
export const REQUEST_URI_PREFIX = 'urn:ietf:params:oauth:request_uri:';

/** Seconds a pushed request waits for the browser (RFC 9126 §2.2 expires_in; short, it is used at once). */
export const PUSHED_REQUEST_LIFETIME = 60;

/** OAUTH2_REQUIRE_PUSHED_AUTHORIZATION_REQUESTS, or the application's own "Require PAR". */
export function pushedRequestsRequired(client: ClientRecord, settings: Pick<Settings, 'requirePushedAuthorizationRequests'>): boolean {
  return settings.requirePushedAuthorizationRequests || client.requirePushedAuthorizationRequests === true;
}

export async function takePushedRequest(req: Request, params: Params, deps: Deps): Promise<{ client: ClientRecord; request: AuthorizationRequest }> {
  const clientId = params.get('client_id');
  if (clientId === undefined) throw new UntrustedRequest('invalid_request', "The request has a 'request_uri' but no 'client_id', so we cannot tell which application is asking.");
  const client = await findClient(clientId, deps, req);
  if (!client) throw new UntrustedRequest('invalid_client', `No application is registered with client_id "${clientId}".`);
  if (client.disabledAt) throw new UntrustedRequest('invalid_client', `${client.name} has been disabled by the server's operator.`);
  const requestUri = params.get('request_uri')!;
  const request = requestUri.startsWith(REQUEST_URI_PREFIX) ? await deps.store.consumePushedRequest(digest(requestUri), client.id, deps.clock()) : null;
  if (!request) {
    throw new UntrustedRequest('invalid_request_uri', 'This sign-in request has expired or was already used (its request_uri works once, for one minute). Go back to the application and start again.');
  }
  return { client, request };
}
