/**
 * The user's decision on the consent page (RFC 6749 §4.1.1: the authorization server obtains an
 * authorization decision). The decision loads the pending request by id on the server and
 * checks it belongs to the signed-in user, so nothing the browser posts can change the client,
 * redirect URI or scopes.
 */
import type { Deps, SignedInUser } from '../context';
import type { ClientRecord } from '../store';
import { completeAuthorization, errorRedirect } from './authorization-response';

export interface ConsentView {
  requestId: string;
  client: ClientRecord;
  scopes: { name: string; description: string }[];
  redirectUri: string;
  state: string | null;
  /** RFC 8707: the APIs the token will be good for (empty: not restricted), shown so people know what they open. */
  resources: string[];
}

/** What the consent page shows, or null when the request is gone or belongs to someone else. */
export async function loadConsent(requestId: string, userId: string, deps: Deps): Promise<ConsentView | null> {
  const pending = await deps.store.findPendingAuthorization(requestId, deps.clock());
  if (!pending || pending.userId !== userId) return null;
  const client = await deps.store.findApplicationByClientId(pending.request.clientId);
  if (!client) return null;
  return {
    requestId,
    client,
    scopes: pending.request.scope.map((name) => ({ name, description: deps.settings.scopes[name] ?? name })),
    redirectUri: pending.request.redirectUri,
    state: pending.request.state,
    resources: pending.request.resources ?? [],
  };
}

export type Decision = { allow: true; scopes?: string[] } | { allow: false };

/**
 * The consent decision. Single use: the pending request is deleted as it is read. Scopes may
 * only be narrowed (`openid` stays if it was asked for). Returns the client redirect, or null
 * when the request is unknown, expired, or not this user's.
 */
export async function decideAuthorization(requestId: string, user: SignedInUser, decision: Decision, deps: Deps): Promise<string | null> {
  const pending = await deps.store.consumePendingAuthorization(requestId, user.userId, deps.clock());
  if (!pending) return null;
  const { request } = pending;
  const client = await deps.store.findApplicationByClientId(request.clientId);
  if (!client || client.disabledAt) return null; // deleted or disabled since the consent page was shown
  if (!decision.allow) {
    deps.events.emit('authorization_denied', { applicationId: client.id, clientId: client.clientId, userId: user.userId, scope: request.scope });
    return errorRedirect(request, 'access_denied', 'the user denied the request');
  }
  const chosen = decision.scopes ? request.scope.filter((s) => decision.scopes!.includes(s) || s === 'openid') : request.scope;
  if (chosen.length === 0) return errorRedirect(request, 'access_denied', 'the user approved no scopes');
  return completeAuthorization(request, client, user, chosen, deps);
}
