/**
 * OpenID Connect Back-Channel Logout 1.0 §2.4: the logout token an application receives when a
 * browser session it signed into ends. A JWT with header typ `logout+jwt` (§2.4, per RFC 8725
 * §3.11, so it cannot pass for an ID token), signed with the application's ID token algorithm
 * (RS256 when it registered none), and claims iss, aud, iat, exp, jti, events, sub and sid;
 * never a nonce (§2.4: its presence is how an RP tells a logout token from an ID token).
 */
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import type { ClientRecord } from '../store';
import type { KeyRing, SigningAlg } from './keys';

export const LOGOUT_TOKEN_TYPE = 'logout+jwt';
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';
/** §2.4 exp: "RECOMMENDED … not be more than two minutes" after iat. */
export const LOGOUT_TOKEN_LIFETIME_SECONDS = 120;

export interface LogoutTokenInput {
  client: Pick<ClientRecord, 'clientId' | 'algorithm'>;
  issuer: string;
  /** The user signed out (sub); sid is the browser session (user_sessions.id) as the ID tokens carried it. */
  userId: string;
  sessionId: string;
  now: Date;
}

export async function signLogoutToken(input: LogoutTokenInput, keys: KeyRing): Promise<string> {
  const alg: SigningAlg = input.client.algorithm === 'ES256' ? 'ES256' : 'RS256';
  const { kid, key } = await keys.signingKey(alg);
  const iat = Math.floor(input.now.getTime() / 1000);
  // §2.4: sub and sid both (either is allowed; both lets an RP that keeps only one of them match).
  return new SignJWT({ events: { [BACKCHANNEL_LOGOUT_EVENT]: {} }, sid: input.sessionId })
    .setProtectedHeader({ alg, kid, typ: LOGOUT_TOKEN_TYPE })
    .setIssuer(input.issuer)
    .setAudience(input.client.clientId)
    .setSubject(input.userId)
    .setIssuedAt(iat)
    .setExpirationTime(iat + LOGOUT_TOKEN_LIFETIME_SECONDS)
    .setJti(randomUUID())
    .sign(key);
}
