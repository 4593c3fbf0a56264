/** RFC 6749 §4.4: client credentials. Confidential clients only; the token has no user and no refresh token (§4.4.3). */
import { OAuthError } from '../errors';
import { issuerFor } from '../context';
import { issueTokens } from '../issue';
import { audienceFor } from '../resources';
import { resolveScopes } from '../scopes';
import type { Grant } from './types';

export const clientCredentials: Grant = {
  grantType: 'client_credentials',
  parameters: [],
  async handle(params, { client }, deps, req) {
    if (client.clientType !== 'confidential') throw new OAuthError('unauthorized_client', 'client_credentials is for confidential clients only');
    const scope = resolveScopes(params.get('scope'), deps.settings);
    const audience = await audienceFor(params, null, issuerFor(req, deps.settings), deps);
    return issueTokens({ client, userId: null, scope, withRefresh: false, audience }, deps);
  },
};
