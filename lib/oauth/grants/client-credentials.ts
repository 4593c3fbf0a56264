/** RFC 6749 §4.4: client credentials. Confidential clients only; the token has no user and no refresh token (§4.4.3). */
import { OAuthError } from '../errors';
import { issueTokens } from '../issue';
import { resolveScopes } from '../scopes';
import type { Grant } from './types';

export const clientCredentials: Grant = {
  grantType: 'client_credentials',
  parameters: [],
  async handle(params, { client }, deps) {
    if (client.clientType !== 'confidential') throw new OAuthError('unauthorized_client', 'client_credentials is for confidential clients only');
    const scope = resolveScopes(params.get('scope'), deps.settings);
    return issueTokens({ client, userId: null, scope, withRefresh: false }, deps);
  },
};
