/**
 * RFC 8628 §3.1-3.2: the device authorization endpoint. A device (a CLI, a TV) authenticates as
 * at the token endpoint (a public client by client_id alone), asks for scopes, and gets a
 * device code to poll with and a user code for the person to enter at /o/device.
 */
import { authenticateClient } from '../client-auth';
import type { Deps } from '../context';
import { issuerFor } from '../context';
import { DEVICE_CODE_GRANT_TYPE, DEVICE_POLL_INTERVAL } from '../device/grant-type';
import { formatUserCode, generateUserCode } from '../device/user-code';
import { OAuthError } from '../errors';
import { json, NO_STORE, readParams } from '../http';
import { issuesIdTokens } from '../oidc/enabled';
import { endpointUrl } from '../paths';
import { enforce } from '../rate-limit';
import { readResources, requireKnownResources } from '../resource-indicators';
import { resolveClientScopes } from '../client-scopes';
import { digest, randomToken } from '../secrets';

/** Draws again on the (2.6e10 to one) chance that a live user code's digest is taken. */
const USER_CODE_ATTEMPTS = 3;

export async function deviceAuthorization(req: Request, deps: Deps): Promise<Response> {
  if (req.method !== 'POST') throw new OAuthError('invalid_request', 'the device authorization endpoint accepts POST only', { Allow: 'POST' });
  const params = await readParams(req);
  const limits = deps.limits;
  // Counted like the token endpoint: a device authorization is a token request's first half.
  const byIp = limits?.consume('token_ip', limits.clientIp(req));
  const { client } = await authenticateClient(req, params, deps).catch(async (e: unknown) => {
    enforce(deps, 'token_ip', await byIp);
    throw e;
  });
  enforce(deps, 'token_ip', await byIp);
  if (!client.grantTypes.includes(DEVICE_CODE_GRANT_TYPE)) {
    throw new OAuthError('unauthorized_client', 'this client is not registered for the device code grant (urn:ietf:params:oauth:grant-type:device_code)');
  }

  // §3.1: the scope, checked as the authorization endpoint checks it.
  const scope = resolveClientScopes(params.get('scope'), client, deps.settings);
  if (scope.includes('openid') && !issuesIdTokens(client)) {
    throw new OAuthError('invalid_scope', "this application is registered without an ID token signing algorithm (OAuth 2.0 only), so it cannot ask for 'openid'");
  }
  const issuer = issuerFor(req, deps.settings);
  const resources = readResources(params);
  await requireKnownResources(resources, issuer, deps);

  const now = deps.clock();
  const expiresIn = client.deviceCodeLifetime ?? deps.settings.deviceCodeExpireSeconds;
  const deviceCode = randomToken();
  for (let attempt = 0; attempt < USER_CODE_ATTEMPTS; attempt++) {
    const userCode = generateUserCode();
    const created = await deps.store.createDeviceAuthorization({
      deviceCodeDigest: digest(deviceCode),
      userCodeDigest: digest(userCode),
      applicationId: client.id,
      scope: scope.join(' '),
      resources: resources.length ? resources : null,
      interval: DEVICE_POLL_INTERVAL,
      expiresAt: new Date(now.getTime() + expiresIn * 1000),
      createdAt: now,
    });
    if (!created) continue;
    const shown = formatUserCode(userCode);
    const verificationUri = endpointUrl(issuer, 'device');
    return json(
      {
        device_code: deviceCode,
        user_code: shown,
        verification_uri: verificationUri,
        verification_uri_complete: `${verificationUri}?${new URLSearchParams({ user_code: shown })}`,
        expires_in: expiresIn,
        interval: DEVICE_POLL_INTERVAL,
      },
      200,
      NO_STORE,
    );
  }
  throw new OAuthError('temporarily_unavailable', 'no free user code could be drawn; try again');
}
