/** RFC 6749 §4.4: client credentials. Confidential clients only; the token has no user and no refresh token (§4.4.3). */
import { OAuthError } from '../errors';
import { issuerFor } from '../context';
import { INTROSPECTION_SCOPE } from '../endpoints/introspect';
import { issueTokens } from '../issue';
import { audienceFor } from '../resource-indicators';
import { parseScope } from '../scopes';
import { resolveClientScopes } from '../client-scopes';
import type { ClientRecord } from '../store';
import type { Grant } from './types';

/**
 * RFC 7662 §4: a client may not grant itself the right to introspect (DOT's
 * RESOURCE_SERVER_AUTH_TOKEN) unless an operator marked its application a resource server. Asked
 * for, it is invalid_scope; coming from OAUTH2_DEFAULT_SCOPES, it is left out.
 */
function withoutSelfGrantedIntrospection(raw: string | undefined, scope: string[], client: ClientRecord): string[] {
  if (client.resourceServer || !scope.includes(INTROSPECTION_SCOPE)) return scope;
  if (parseScope(raw).includes(INTROSPECTION_SCOPE)) {
    throw new OAuthError('invalid_scope', `the '${INTROSPECTION_SCOPE}' scope is only for applications an operator has marked as resource servers`);
  }
  return scope.filter((s) => s !== INTROSPECTION_SCOPE);
}

export const clientCredentials: Grant = {
  grantType: 'client_credentials',
  parameters: [],
  async handle(params, { client, dpop }, deps, req) {
    if (client.clientType !== 'confidential') throw new OAuthError('unauthorized_client', 'client_credentials is for confidential clients only');
    const scope = withoutSelfGrantedIntrospection(params.get('scope'), resolveClientScopes(params.get('scope'), client, deps.settings), client);
    const issuer = issuerFor(req, deps.settings);
    const audience = await audienceFor(params, null, issuer, deps);
    return issueTokens({ client, userId: null, scope, withRefresh: false, audience, issuer, dpop }, deps);
  },
};
