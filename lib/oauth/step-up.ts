/**
 * Issue 22: when an authorization needs a two-factor sign-in the session does not have (OIDC
 * Core §3.1.2.1 acr_values asking for the multi-factor level, the application's "Require
 * two-factor sign-in", or OAUTH2_REQUIRE_MFA through Deps.requireMfa). The browser is then
 * sent through the second step (/login/verify) and comes back: a step-up, not a refusal.
 */
import type { Deps, SignedInUser } from './context';
import { isMultiFactor, needsStepUp } from './oidc/amr';
import type { AuthorizationRequest, ClientRecord } from './store';

export const SECOND_FACTOR_PATH = '/login/verify';

export function secondFactorNeeded(user: SignedInUser, request: AuthorizationRequest, client: ClientRecord, deps: Pick<Deps, 'requireMfa'>): boolean {
  const methods = user.authMethods ?? [];
  if (isMultiFactor(methods)) return false;
  return needsStepUp(request.acrValues ?? [], methods) || client.requireMfa === true || deps.requireMfa?.(user) === true;
}
