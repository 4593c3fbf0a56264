/**
 * OIDC Core §3.1.2.1 prompt=select_account: "prompt the End-User to select a user account". With
 * one signed-in account per browser, that is: show who is signed in, with "Continue" and "Use
 * another account". /o/authorize sends the browser to the page (paths.selectAccount) while the
 * pending request is not yet bound to that person; "Continue" binds it (then /o/authorize goes
 * on to consent), "Use another account" restarts the request without the prompt, so the sign-in
 * page that follows is the choice.
 */
import type { Deps } from '../context';
import { randomToken } from '../secrets';
import type { AuthorizationRequest, PendingAuthorizationRecord } from '../store';
import { PATHS } from '../paths';

export const SELECT_ACCOUNT_PATH = PATHS.selectAccount;

/** The request with prompt=select_account answered: kept for the rest of the flow. */
export function withoutSelectAccount(request: AuthorizationRequest): AuthorizationRequest {
  return { ...request, prompt: request.prompt.filter((p) => p !== 'select_account') };
}

/** True while the request asks to choose an account and this person has not chosen yet. */
export function accountChoiceNeeded(pending: PendingAuthorizationRecord, userId: string): boolean {
  return pending.request.prompt.includes('select_account') && pending.userId !== userId;
}

/** What the page shows: the application's name, or null when the request is gone. */
export async function loadAccountChoice(requestId: string, deps: Deps): Promise<{ clientName: string } | null> {
  const pending = await deps.store.findPendingAuthorization(requestId, deps.clock());
  if (!pending || !pending.request.prompt.includes('select_account')) return null;
  const client = await deps.store.findApplicationByClientId(pending.request.clientId);
  return client ? { clientName: client.name } : null;
}

/** "Continue": this person is the account; false when the request is gone. */
export async function continueWithAccount(requestId: string, userId: string, deps: Deps): Promise<boolean> {
  const pending = await deps.store.findPendingAuthorization(requestId, deps.clock());
  if (!pending) return false;
  await deps.store.bindPendingAuthorization(requestId, userId);
  return true;
}

/** "Use another account": a copy of the request without the prompt, for whoever signs in next; null when gone. */
export async function restartForAnotherAccount(requestId: string, deps: Deps): Promise<string | null> {
  const pending = await deps.store.findPendingAuthorization(requestId, deps.clock());
  if (!pending) return null;
  const id = randomToken();
  await deps.store.createPendingAuthorization({ id, applicationId: pending.applicationId, userId: null, request: withoutSelectAccount(pending.request), expiresAt: pending.expiresAt });
  return id;
}
