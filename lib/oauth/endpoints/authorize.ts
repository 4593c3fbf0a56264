/**
 * RFC 6749 §3.1, §4.1.1, §4.2.1 and OIDC Core §3.1.2: the authorization endpoint's protocol side.
 *
 * Validate the request; problems with client_id or redirect_uri go to our error page and are
 * never redirected (§3.1.2.4, §4.1.2.1); every other problem goes back to the client with
 * error, state and iss (RFC 9207). A valid request is kept on the server as a pending
 * authorization and the browser is sent to sign-in, to consent, or straight back to the client.
 */
import { secondFactorNeeded, SECOND_FACTOR_PATH } from '../step-up';
import type { Deps, SignedInUser } from '../context';
import { issuerFor } from '../context';
import { OAuthError } from '../errors';
import { readParams, redirect, type Params } from '../http';
import { leavingRedirect } from '../leaving';
import { issuesIdTokens } from '../oidc/enabled';
import { parseUiLocales, withUiLocalesCookie } from '../oidc/ui-locales';
import { checkChallenge } from '../pkce';
import { readResources, requireKnownResources } from '../resource-indicators';
import { findClient } from '../client-id-metadata-document';
import { isOnThisDevice, matchRedirectUri, redirectUriShapeProblem } from '../redirect-uri';
import { RateLimitedError, rateLimited, tooManyRequestsPage } from '../rate-limit';
import { coversScopes, parseScope } from '../scopes';
import { resolveClientScopes } from '../client-scopes';
import { randomToken } from '../secrets';
import type { AuthorizationRequest, ClientRecord, PendingAuthorizationRecord } from '../store';
import { completeAuthorization, errorRedirect } from './authorization-response';
import { accountChoiceNeeded, SELECT_ACCOUNT_PATH, withoutSelectAccount } from './select-account';
import { PATHS, resumeAuthorizationPath } from '../paths';
import { AuthorizationError, UntrustedRequest } from './authorization-request-errors';
import { pushedRequestsRequired, takePushedRequest } from '../par/take';

/** response_type → the grant type an application must be registered for. */
const RESPONSE_TYPES: Record<string, { grantType: string; oidc: boolean }> = {
  code: { grantType: 'authorization_code', oidc: false },
  token: { grantType: 'implicit', oidc: false },
  id_token: { grantType: 'implicit', oidc: true },
  'id_token token': { grantType: 'implicit', oidc: true },
};

const PROMPTS = new Set(['none', 'login', 'consent', 'select_account']);
const DPOP_JKT = /^[A-Za-z0-9_-]{43}$/;

export { UntrustedRequest } from './authorization-request-errors';

export async function authorize(req: Request, deps: Deps): Promise<Response> {
  try {
    const params = await readParams(req);
    const pendingId = params.get('pending');
    if (pendingId !== undefined && params.size === 1) return await resume(req, pendingId, deps);
    // RFC 9126 §4: a pushed request is used as pushed, whatever else the URL says.
    const { client, request } = params.has('request_uri') ? await takePushedRequest(req, params, deps) : await validateAuthorizationRequest(req, params, deps);
    if (!params.has('request_uri') && pushedRequestsRequired(client, deps.settings)) {
      throw new UntrustedRequest('invalid_request', `${client.name} must push its authorization requests to ${PATHS.par} first (RFC 9126), so this request cannot be used.`);
    }
    const now = deps.clock();
    const pending: PendingAuthorizationRecord = {
      id: randomToken(),
      applicationId: client.id,
      userId: null,
      request,
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.settings.pendingAuthorizationExpireSeconds * 1000),
    };
    const res = await proceed(req, pending, client, deps, true);
    return withUiLocalesCookie(res, req, request.uiLocales, request.issuer.startsWith('https:'));
  } catch (e) {
    if (e instanceof RateLimitedError) return tooManyRequestsPage(e.retryAfter); // metadata document fetches
    if (e instanceof UntrustedRequest) return errorPage(req, deps, e.code, e.description);
    if (e instanceof OAuthError) return errorPage(req, deps, e.code, e.description);
    throw e;
  }
}

function errorPage(req: Request, deps: Deps, error: string, description: string): Response {
  const url = new URL(deps.paths.error, req.url);
  url.searchParams.set('error', error);
  url.searchParams.set('error_description', description);
  return redirect(url.pathname + url.search, req.method);
}

/** §4.1.1 / §4.2.1 / OIDC §3.1.2.1-2: everything the request says, checked, or thrown (also for PAR, RFC 9126 §2.1). */
export async function validateAuthorizationRequest(req: Request, params: Params, deps: Deps): Promise<{ client: ClientRecord; request: AuthorizationRequest }> {
  const clientId = params.get('client_id');
  if (clientId === undefined) throw new UntrustedRequest('invalid_request', "The request has no 'client_id', so we cannot tell which application is asking.");
  // A client ID metadata document that cannot be used throws invalid_client with the reason (shown on our page).
  const client = await findClient(clientId, deps, req);
  if (!client) throw new UntrustedRequest('invalid_client', `No application is registered with client_id "${clientId}".`);
  if (client.disabledAt) throw new UntrustedRequest('invalid_client', `${client.name} has been disabled by the server's operator.`);

  // §3.1.2.3: with several registered URIs (or none) the request must name one.
  const sent = params.get('redirect_uri');
  let redirectUri: string;
  if (sent !== undefined) {
    if (!matchRedirectUri(sent, client.redirectUris)) {
      throw new UntrustedRequest('invalid_request', `The redirect URI "${sent}" is not registered for ${client.name}.`);
    }
    redirectUri = sent;
  } else if (client.redirectUris.length === 1) {
    redirectUri = client.redirectUris[0]!;
  } else {
    throw new UntrustedRequest(
      'invalid_request',
      client.redirectUris.length ? `${client.name} registered several redirect URIs, and the request does not say which one to use.` : `${client.name} has no registered redirect URI.`,
    );
  }

  // RFC 9700 §4.1: never send a browser to javascript:, data: and the like, even if one was stored before these rules.
  const dangerous = redirectUriShapeProblem(redirectUri);
  if (dangerous) throw new UntrustedRequest('invalid_request', `The redirect URI "${redirectUri}" ${dangerous}.`);

  const issuer = issuerFor(req, deps.settings);
  const state = params.get('state') ?? null;
  const rawType = params.get('response_type');
  const responseType = rawType?.split(' ').filter(Boolean).sort().join(' ').replace('token id_token', 'id_token token');
  const type = responseType ? RESPONSE_TYPES[responseType] : undefined;
  const defaultMode = responseType === 'code' || !type ? 'query' : 'fragment';
  // Error redirects to a client that chose its own redirect URIs go through the interstitial (lib/oauth/leaving.ts).
  const fail = (code: OAuthError['code'], description: string) =>
    new AuthorizationError(leavingRedirect(client, errorRedirect({ redirectUri, responseMode: defaultMode, state, issuer }, code, description)), code, description);

  if (rawType === undefined) throw fail('invalid_request', "missing required parameter 'response_type'");
  if (!type || (type.oidc && !deps.idTokens)) throw fail('unsupported_response_type', `unsupported response_type '${rawType}'`);
  if (!client.grantTypes.includes(type.grantType)) {
    throw fail('unauthorized_client', `this application is not registered for response_type '${rawType}'`);
  }
  const responseMode = params.get('response_mode') ?? defaultMode;
  if (responseMode !== 'query' && responseMode !== 'fragment') throw fail('invalid_request', `unsupported response_mode '${responseMode}'`);
  if (responseMode === 'query' && responseType !== 'code') throw fail('invalid_request', 'tokens must not be returned in the query (response_mode=query)');

  let scope: string[];
  try {
    scope = resolveClientScopes(params.get('scope'), client, deps.settings);
  } catch (e) {
    throw fail('invalid_scope', (e as OAuthError).description);
  }
  if (scope.includes('openid') && !issuesIdTokens(client)) {
    throw fail('invalid_scope', "this application is registered without an ID token signing algorithm (OAuth 2.0 only), so it cannot ask for 'openid'");
  }
  if (type.oidc && !scope.includes('openid')) throw fail('invalid_scope', "response_type id_token requires the 'openid' scope");

  // RFC 8707 §2: an unknown or malformed resource goes back to the client as invalid_target.
  let resources: string[];
  try {
    resources = readResources(params);
    await requireKnownResources(resources, issuer, deps);
  } catch (e) {
    if (!(e instanceof OAuthError)) throw e;
    throw fail(e.code, e.description);
  }

  let pkce: ReturnType<typeof checkChallenge>;
  try {
    pkce = checkChallenge(params.get('code_challenge'), params.get('code_challenge_method'), deps.settings);
  } catch (e) {
    throw fail('invalid_request', (e as OAuthError).description);
  }
  if (responseType === 'code' && !pkce && (client.clientType === 'public' || deps.settings.pkceRequired)) {
    // RFC 9700 §2.1.1 / OAuth 2.1: public clients must use PKCE.
    throw fail('invalid_request', "code_challenge is required (PKCE, RFC 7636); use code_challenge_method=S256");
  }

  const nonce = params.get('nonce') ?? null;
  if (type.oidc && !nonce) throw fail('invalid_request', "missing required parameter 'nonce' for the implicit flow (OIDC Core §3.2.2.1)");
  const prompt = parseScope(params.get('prompt'));
  const unknownPrompt = prompt.find((p) => !PROMPTS.has(p));
  if (unknownPrompt) throw fail('invalid_request', `unsupported prompt value '${unknownPrompt}'`);
  if (prompt.includes('none') && prompt.length > 1) throw fail('invalid_request', "prompt=none cannot be combined with other values");
  const maxAgeRaw = params.get('max_age');
  if (maxAgeRaw !== undefined && !/^\d+$/.test(maxAgeRaw)) throw fail('invalid_request', 'max_age must be a whole number of seconds');
  // OIDC Core §3.1.2.1 acr_values: space-separated, in order of preference (issue 22: step-up).
  const acrValues = parseScope(params.get('acr_values'));
  const approvalPrompt = params.get('approval_prompt') ?? deps.settings.requestApprovalPrompt;
  if (approvalPrompt !== 'force' && approvalPrompt !== 'auto') throw fail('invalid_request', 'approval_prompt must be force or auto');
  if (params.has('request') || params.has('request_uri')) {
    throw fail(params.has('request') ? 'request_not_supported' : 'request_uri_not_supported', 'request objects are not supported (OIDC Core §6)');
  }
  // RFC 9449 §10: dpop_jkt binds the code to a key (a SHA-256 JWK thumbprint, base64url).
  const uiLocales = parseUiLocales(params.get('ui_locales'));
  const dpopJkt = params.get('dpop_jkt');
  if (dpopJkt !== undefined && !DPOP_JKT.test(dpopJkt)) throw fail('invalid_request', 'dpop_jkt must be the base64url SHA-256 thumbprint (RFC 7638) of the DPoP key, 43 characters');
  // Tokens in the fragment come with no DPoP proof, so they cannot be bound: an application that requires DPoP uses the code flow.
  if (client.requireDpop && responseType !== 'code' && responseType !== 'id_token') {
    throw fail('unauthorized_client', 'this application accepts only DPoP-bound access tokens (RFC 9449), which the implicit flow cannot issue; use response_type=code');
  }

  return {
    client,
    request: {
      clientId,
      responseType: responseType!,
      redirectUri,
      redirectUriSent: sent !== undefined,
      scope,
      state,
      codeChallenge: pkce?.challenge ?? null,
      codeChallengeMethod: pkce?.method ?? null,
      nonce,
      prompt,
      maxAge: maxAgeRaw === undefined ? null : Number(maxAgeRaw),
      loginHint: params.get('login_hint') ?? null,
      approvalPrompt,
      responseMode,
      issuer,
      ...(resources.length ? { resources } : {}),
      ...(acrValues.length ? { acrValues } : {}),
      ...(dpopJkt !== undefined ? { dpopJkt } : {}),
      ...(uiLocales ? { uiLocales } : {}),
    },
  };
}


async function resume(req: Request, id: string, deps: Deps): Promise<Response> {
  const pending = await deps.store.findPendingAuthorization(id, deps.clock());
  if (!pending) {
    return errorPage(req, deps, 'invalid_request', 'This sign-in request has expired or was already used. Go back to the application and start again.');
  }
  const client = await findClient(pending.request.clientId, deps, req);
  if (!client) return errorPage(req, deps, 'invalid_client', 'The application that started this request no longer exists.');
  if (client.disabledAt) return errorPage(req, deps, 'invalid_client', `${client.name} has been disabled by the server's operator.`);
  return proceed(req, pending, client, deps, false);
}

/** Sign-in, then consent (unless already given or skipped), then the response to the client. */
async function proceed(req: Request, pending: PendingAuthorizationRecord, client: ClientRecord, deps: Deps, isNew: boolean): Promise<Response> {
  const { request } = pending;
  const user = await deps.currentUser(req);
  const nowSec = Math.floor(deps.clock().getTime() / 1000);
  const back = (code: OAuthError['code'], description: string) => redirect(leavingRedirect(client, errorRedirect(request, code, description)), req.method);

  const needsLogin = !user || reauthenticationNeeded(user, request, pending, nowSec);
  if (needsLogin) {
    if (request.prompt.includes('none')) return back('login_required', 'the user is not signed in');
    // prompt=select_account: the sign-in page is where the account is chosen.
    if (isNew) await deps.store.createPendingAuthorization({ ...pending, request: withoutSelectAccount(request) });
    const login = new URL(deps.paths.login, req.url);
    login.searchParams.set('next', resumeAuthorizationPath(pending.id));
    if (request.loginHint) login.searchParams.set('login_hint', request.loginHint);
    if (user) login.searchParams.set('reauth', '1');
    return redirect(login.pathname + login.search, req.method);
  }

  // Issue 22 step-up: two factors asked for (acr_values, the application, OAUTH2_REQUIRE_MFA) but
  // the session used one: the second step, then back here; never a refusal while one is possible.
  if (secondFactorNeeded(user, request, client, deps)) {
    if (request.prompt.includes('none')) return back('interaction_required', 'the user must complete a second sign-in step');
    if (isNew) await deps.store.createPendingAuthorization(pending);
    return redirect(`${deps.paths.secondFactor ?? SECOND_FACTOR_PATH}?next=${encodeURIComponent(resumeAuthorizationPath(pending.id))}`, req.method);
  }

  if (accountChoiceNeeded(pending, user.userId)) {
    if (isNew) await deps.store.createPendingAuthorization(pending);
    return redirect(`${deps.paths.selectAccount ?? SELECT_ACCOUNT_PATH}?request=${encodeURIComponent(pending.id)}`, req.method);
  }

  // The account must do something first (verify its email): no code is issued until it has.
  const hold = deps.accountHold?.({ id: user.userId, emailVerified: user.emailVerified === true });
  if (hold) {
    if (request.prompt.includes('none')) return back('interaction_required', 'the user must verify their email address first');
    if (isNew) await deps.store.createPendingAuthorization(pending);
    return redirect(`${hold}?next=${encodeURIComponent(resumeAuthorizationPath(pending.id))}`, req.method);
  }

  if (!client.skipAuthorization && !request.prompt.includes('consent')) {
    if (request.approvalPrompt === 'auto' || request.prompt.includes('none')) {
      const prior = autoApprovable(client, request) ? await deps.store.findConsent(user.userId, client.id) : null;
      if (prior && coversScopes(parseScope(prior.scope), request.scope) && coversResources(prior.resources, request.resources ?? [])) {
        return redirect(await completeAuthorization(request, client, user, request.scope, deps), req.method);
      }
    }
    if (request.prompt.includes('none')) return back('consent_required', 'the user has not approved this application');
  }
  if (client.skipAuthorization && !request.prompt.includes('consent')) {
    return redirect(await completeAuthorization(request, client, user, request.scope, deps), req.method);
  }

  if (isNew) await deps.store.createPendingAuthorization({ ...pending, userId: user.userId });
  else await deps.store.bindPendingAuthorization(pending.id, user.userId);
  return redirect(`${deps.paths.consent}?request=${encodeURIComponent(pending.id)}`, req.method);
}

/**
 * RFC 8252 §8.6: a public client's loopback or private-use-scheme redirect can be claimed by any
 * app on the device, so remembered consent proves nothing about who is asking: ask every time.
 */
function autoApprovable(client: ClientRecord, request: AuthorizationRequest): boolean {
  return !(client.clientType === 'public' && isOnThisDevice(request.redirectUri));
}

/** RFC 8707: a remembered consent covers only the resources (APIs) the person approved; a new one asks again. */
function coversResources(approved: string[], requested: string[]): boolean {
  return requested.every((r) => approved.includes(r));
}

/** OIDC Core §3.1.2.1: prompt=login asks for a sign-in made after the request; max_age bounds the session's age. */
function reauthenticationNeeded(user: SignedInUser, request: AuthorizationRequest, pending: PendingAuthorizationRecord, nowSec: number): boolean {
  if (request.prompt.includes('login') && user.authTime < Math.floor(pending.createdAt.getTime() / 1000)) return true;
  return request.maxAge !== null && nowSec - user.authTime > request.maxAge;
}

/** Turns the client-bound error into its redirect; everything else propagates. */
export async function authorizeEndpoint(req: Request, deps: Deps): Promise<Response> {
  // Per address, before anything is read or stored: a flood of authorization requests would
  // otherwise fill the pending-request table.
  if (deps.limits) {
    const retryAfter = await deps.limits.consume('authorize_ip', deps.limits.clientIp(req));
    if (retryAfter !== null) return tooManyRequestsPage(rateLimited(deps, 'authorize_ip', retryAfter).retryAfter);
  }
  try {
    return await authorize(req, deps);
  } catch (e) {
    if (e instanceof AuthorizationError) return redirect(e.location, req.method);
    throw e;
  }
}
