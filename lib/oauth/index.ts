/**
 * The OAuth 2.0 engine: Web Request in, Response out. Imports nothing from next/*, react,
 * drizzle-orm or process.env; everything it needs arrives in `Deps`.
 */
import type { Deps, SignedInUser } from './context';
import { preflight, withAnyOriginCors, withErrorCors } from './cors';
import { errorResponse, OAuthError } from './errors';
import { authorizeEndpoint } from './endpoints/authorize';
import { decideAuthorization, loadConsent, type Decision } from './endpoints/consent';
import { discovery } from './endpoints/discovery';
import { deviceAuthorization } from './endpoints/device-authorization';
import { decideDeviceAuthorization, lookUpDeviceCode, type DeviceApprover } from './endpoints/device-verification';
import { pushedAuthorizationRequest } from './endpoints/par';
import { introspect } from './endpoints/introspect';
import { jwks } from './endpoints/jwks';
import { logout, planLogout } from './endpoints/logout';
import { userinfo } from './endpoints/userinfo';
import { metadata } from './endpoints/server-metadata';
import { clientConfiguration } from './registration/configuration';
import { register } from './registration/register';
import { revoke } from './endpoints/revoke';
import { continueWithAccount, loadAccountChoice, restartForAnotherAccount } from './endpoints/select-account';
import { token } from './endpoints/token';

export type { Deps, SignedInUser } from './context';
export type { Decision, ConsentView } from './endpoints/consent';
export type { DeviceLookup, DeviceRequestView, DeviceApprover } from './endpoints/device-verification';
export { EventBus } from './events';
export { OAuthError } from './errors';

type Handler = (req: Request) => Promise<Response>;

/** authlib's handle_error_response: one place turns any thrown error into the RFC's JSON. */
function guarded(fn: (req: Request, deps: Deps) => Promise<Response>, deps: Deps, cors = false): Handler {
  return async (req) => {
    try {
      return await fn(req, deps);
    } catch (caught) {
      const e = deps.isUnavailable?.(caught) ? unavailable() : caught;
      const res = errorResponse(e, undefined, req.headers.get('x-request-id'));
      return cors ? withErrorCors(res, req, deps) : res;
    }
  };
}

/** RFC 6749 §4.1.2.1's temporarily_unavailable: the database is away; the pool reconnects by itself. */
function unavailable(): OAuthError {
  return new OAuthError('temporarily_unavailable', 'the server cannot reach its database right now; retry shortly', { 'Retry-After': '5' });
}

/** OAUTH2_CORS_ANY_ORIGIN: `*` on the endpoint's every response, success or error. */
function anyOrigin(handler: Handler, deps: Deps): Handler {
  return async (req) => withAnyOriginCors(await handler(req), req, deps);
}

export function createOAuthServer(deps: Deps) {
  return {
    deps,
    authorize: guarded(authorizeEndpoint, deps),
    token: anyOrigin(guarded(token, deps, true), deps),
    /** RFC 7591 registration and RFC 7592 client configuration (OAUTH2_DYNAMIC_REGISTRATION). */
    register: anyOrigin(guarded(register, deps), deps),
    clientConfiguration: anyOrigin(guarded(clientConfiguration, deps), deps),
    revoke: guarded(revoke, deps, true),
    /** RFC 8628 §3.1 */
    deviceAuthorization: guarded(deviceAuthorization, deps),
    /** RFC 9126 §2 */
    par: guarded(pushedAuthorizationRequest, deps),
    introspect: guarded(introspect, deps, true),
    metadata: guarded(metadata, deps),
    discovery: guarded(discovery, deps),
    jwks: guarded(jwks, deps),
    userinfo: guarded(userinfo, deps, true),
    logout: guarded(logout, deps),
    /** For the logout confirmation page: re-validates the same parameters on the server. */
    planLogout: (params: URLSearchParams, issuer: string) => planLogout(new Map(params), issuer, deps),
    /** CORS preflight for the machine endpoints. */
    preflight: guarded((req) => preflight(req, deps, 'GET, POST, OPTIONS'), deps),
    /** The client configuration endpoint's preflight (RFC 7592 uses PUT and DELETE). */
    registrationPreflight: guarded((req) => preflight(req, deps, 'GET, POST, PUT, DELETE, OPTIONS'), deps),
    loadConsent: (requestId: string, userId: string) => loadConsent(requestId, userId, deps),
    decideAuthorization: (requestId: string, user: SignedInUser, decision: Decision) =>
      decideAuthorization(requestId, user, decision, deps),
    /** RFC 8628 §3.3: the /o/device page's lookup (wrong codes counted per address) and the decision on the consent page. */
    lookUpDeviceCode: (userCode: string, ip: string) => lookUpDeviceCode(userCode, ip, deps),
    decideDeviceAuthorization: (userCode: string, user: DeviceApprover, decision: Decision) => decideDeviceAuthorization(userCode, user, decision, deps),
    /** prompt=select_account: the page's view and its two buttons. */
    loadAccountChoice: (requestId: string) => loadAccountChoice(requestId, deps),
    continueWithAccount: (requestId: string, userId: string) => continueWithAccount(requestId, userId, deps),
    restartForAnotherAccount: (requestId: string) => restartForAnotherAccount(requestId, deps),
  };
}

export type OAuthServer = ReturnType<typeof createOAuthServer>;
