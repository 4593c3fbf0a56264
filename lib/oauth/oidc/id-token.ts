/** OIDC Core §2 and §3.1.3.6: the ID token, signed with the client's registered algorithm (RS256 by default). */
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { extraClaimsFor, type ExtraClaims } from '../claims-extension';
import type { IdTokenSigner } from '../context';
import type { Settings } from '../settings';
import type { Store } from '../store';
import { claimsFor } from './claims';
import type { KeyRing, SigningAlg } from './keys';

/** §3.1.3.6 at_hash: the left half of the SHA-256 of the access token, base64url (RS256 and ES256 both use SHA-256). */
export function atHash(accessToken: string): string {
  return createHash('sha256').update(accessToken, 'ascii').digest().subarray(0, 16).toString('base64url');
}

export function createIdTokenSigner(deps: { store: Store; settings: Readonly<Settings>; clock: () => Date; keys: KeyRing; extraClaims?: ExtraClaims }): IdTokenSigner {
  return {
    async sign({ client, userId, nonce, authTime, authMethods, acr, sessionId, accessToken, scope, issuer }) {
      const user = await deps.store.findUserById(userId);
      if (!user) throw new Error('id_token for a user that no longer exists');
      const alg: SigningAlg = client.algorithm === 'ES256' ? 'ES256' : 'RS256';
      const { kid, key } = await deps.keys.signingKey(alg);
      const now = Math.floor(deps.clock().getTime() / 1000);
      // The deployer's claims first, so none of the engine's below can be replaced (issue 19).
      const extra = await extraClaimsFor(deps.extraClaims, { user, client, scopes: scope, kind: 'id_token' });
      const payload: Record<string, unknown> = {
        ...extra,
        ...claimsFor(user, scope),
        azp: client.clientId,
        ...(authTime ? { auth_time: Math.floor(authTime.getTime() / 1000) } : {}),
        // OIDC Core §2 (issue 22): how the person signed in (RFC 8176) and the level it reached.
        ...(authMethods?.length ? { amr: authMethods } : {}),
        ...(acr ? { acr } : {}),
        ...(nonce ? { nonce } : {}),
        // Back-Channel Logout §2.1: the browser session, which logout tokens name again.
        ...(sessionId ? { sid: sessionId } : {}),
        ...(accessToken ? { at_hash: atHash(accessToken) } : {}),
      };
      return new SignJWT(payload)
        .setProtectedHeader({ alg, kid, typ: 'JWT' })
        .setIssuer(issuer)
        .setSubject(user.id)
        .setAudience(client.clientId)
        .setIssuedAt(now)
        .setExpirationTime(now + (client.idTokenLifetime ?? deps.settings.idTokenExpireSeconds))
        .sign(key);
    },
  };
}
