/**
 * RFC 6749 §4.3: resource owner password credentials. Retired by RFC 9700 §2.4; kept for DOT
 * parity, only for applications registered for it. The username is the user's email.
 */
import { OAuthError } from '../errors';
import { issuerFor } from '../context';
import { issueTokens } from '../issue';
import { audienceFor } from '../resource-indicators';
import { enforce } from '../rate-limit';
import { resolveClientScopes } from '../client-scopes';
import { ACR_PASSWORD } from '../oidc/amr';
import type { Grant } from './types';

export const password: Grant = {
  grantType: 'password',
  parameters: ['username', 'password'],
  async handle(params, { client }, deps, req) {
    const scope = resolveClientScopes(params.get('scope'), client, deps.settings);
    const email = params.get('username')!.trim().toLowerCase();
    // The sign-in page's per-account failure limit covers this grant too (one counter per email).
    // The slot is taken before argon2 runs, so concurrent guesses cannot all get past the limit.
    const [user, lockedFor] = await Promise.all([deps.store.findUserByEmail(email), deps.limits?.take('signin_account', email)]);
    enforce(deps, 'signin_account', lockedFor);
    // An unknown email (or an account without a password) is verified against a dummy hash, so
    // "no such account" takes as long as "wrong password" and the grant cannot list accounts.
    const ok = await deps.verifyPassword(user?.passwordHash ?? null, params.get('password')!);
    if (!user || !ok) throw new OAuthError('invalid_grant', 'invalid resource owner credentials');
    await deps.limits?.refund('signin_account', email);
    if (user.disabledAt) throw new OAuthError('invalid_grant', 'this account has been disabled');
    if (deps.accountHold?.(user)) throw new OAuthError('invalid_grant', 'the user must verify their email address first');
    // The owner sees this grant under Authorized applications and can revoke it there, like any authorization.
    await deps.store.recordConsent(user.id, client.id, scope, deps.clock());
    const issuer = issuerFor(req, deps.settings);
    const audience = await audienceFor(params, null, issuer, deps);
    // RFC 8176: a password, one factor; kept on the refresh token so its JWT access tokens say so too.
    return issueTokens({ client, userId: user.id, scope, withRefresh: true, authTime: deps.clock(), authMethods: ['pwd'], acr: ACR_PASSWORD, audience, issuer }, deps);
  },
};
