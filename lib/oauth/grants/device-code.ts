/**
 * RFC 8628 §3.4-3.5: a device polls with its device code until the person decides. Pending →
 * authorization_pending (slow_down, with 5 s more, when it polls sooner than its interval);
 * denied → access_denied; expired → expired_token; approved → tokens, once: the redemption is one
 * UPDATE … WHERE consumed_at IS NULL, so two racing polls cannot both get tokens.
 */
import { issuerFor } from '../context';
import { DEVICE_CODE_GRANT_TYPE } from '../device/grant-type';
import { OAuthError } from '../errors';
import { issueTokens } from '../issue';
import { issuesIdTokens } from '../oidc/enabled';
import { parseScope } from '../scopes';
import { digest } from '../secrets';
import type { Grant } from './types';

export const deviceCode: Grant = {
  grantType: DEVICE_CODE_GRANT_TYPE,
  parameters: ['device_code'],
  async handle(params, { client, dpop }, deps, req) {
    const now = deps.clock();
    const poll = await deps.store.pollDeviceAuthorization(digest(params.get('device_code')!), client.id, now);
    // Another client's device code is as unknown as a made-up one.
    if (!poll) throw new OAuthError('invalid_grant', 'device code is invalid');
    const { record, tooFast } = poll;
    if (record.consumedAt) throw new OAuthError('invalid_grant', 'device code was already used');
    if (record.expiresAt.getTime() <= now.getTime()) throw new OAuthError('expired_token', 'the device code has expired; start again with a new device authorization request');
    if (record.status === 'denied') throw new OAuthError('access_denied', 'the user denied the request');
    if (record.status === 'pending') {
      if (tooFast) throw new OAuthError('slow_down', `polling too fast; wait at least ${record.interval} seconds between requests`);
      throw new OAuthError('authorization_pending', 'the user has not yet approved the request');
    }
    if (!(await deps.store.consumeDeviceAuthorization(record.id, now))) throw new OAuthError('invalid_grant', 'device code was already used');

    const userId = record.userId!;
    const scope = parseScope(record.scope);
    // As the authorization code grant: a refresh token (rotated for public clients), and an ID token for openid.
    const body = await issueTokens(
      {
        client,
        userId,
        scope,
        withRefresh: true,
        authTime: record.authTime,
        authMethods: record.authMethods,
        acr: record.acr,
        // No sessionId: the browser session that approved is on another device, and signing out
        // of it (back-channel logout, OAUTH2_LOGOUT_REVOKES_TOKENS) should not sign the device out.
        audience: record.resources,
        refreshResources: record.resources,
        issuer: issuerFor(req, deps.settings),
        dpop,
      },
      deps,
    );
    if (deps.idTokens && scope.includes('openid') && issuesIdTokens(client)) {
      body.id_token = await deps.idTokens.sign({
        client,
        userId,
        nonce: null,
        authTime: record.authTime,
        authMethods: record.authMethods,
        acr: record.acr,
        accessToken: body.access_token,
        scope,
        issuer: issuerFor(req, deps.settings),
      });
    }
    return body;
  },
};
