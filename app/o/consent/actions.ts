'use server';
/**
 * The consent decision. Everything that matters (client, redirect URI, the scopes that may be
 * granted) is loaded again on the server from the pending request; the form only says which
 * request, allow or deny, and which of the requested scopes stay ticked.
 */
import { redirect } from 'next/navigation';
import { currentSignIn, loginUrl, signOut } from '@/lib/auth';
import { authSecret } from '@/lib/auth/secret';
import { verifyCsrfToken } from '@/lib/http/csrf';
import { errorPagePath, resumeAuthorizationPath } from '@/lib/oauth/paths';
import { getOAuthServer } from '@/lib/server/oauth-server';

const text = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

function errorPage(error: string, description: string): never {
  redirect(errorPagePath(error, description));
}

export async function decide(formData: FormData): Promise<void> {
  const requestId = text(formData, 'request');
  if (!requestId) errorPage('invalid_request', 'The consent form was sent without its authorization request.');

  const user = await currentSignIn();
  // Signed out in another tab: sign in again, then the authorize endpoint takes it from there.
  if (!user) redirect(loginUrl(resumeAuthorizationPath(requestId)));

  // RFC 6749 §10.12: a form another site submits cannot carry this token. The pending request
  // is left as it was, so the person it belongs to can still decide it.
  if (!verifyCsrfToken(authSecret(), requestId, user.userId, formData.get('csrf'))) {
    errorPage('invalid_request', 'The consent form could not be verified, so nothing was authorized. Reload the page and try again.');
  }

  const allow = text(formData, 'decision') === 'allow';
  // The engine keeps only ticked scopes that were requested (and `openid` always), so a
  // scope added to the form is ignored. `scope_choice` marks a form that listed scopes to tick.
  const scopes = formData.has('scope_choice') ? formData.getAll('scope').filter((s): s is string => typeof s === 'string') : undefined;
  const server = await getOAuthServer();
  const location = await server.decideAuthorization(
    requestId,
    // The whole sign-in, as /o/authorize sees it: the code remembers the session (sid, back-channel
    // logout) and how it signed in (amr, acr).
    user,
    allow ? { allow: true, scopes } : { allow: false },
  );
  if (!location) {
    errorPage('invalid_request', 'This authorization request has expired or was already used. Return to the application and try again.');
  }
  // The client's registered redirect URI, with the code (or error=access_denied) and the state.
  redirect(location);
}

/** "Not you?": sign out, sign in as someone else, and come back to the same request. */
export async function switchAccount(formData: FormData): Promise<void> {
  const requestId = text(formData, 'request');
  await signOut({ redirectTo: requestId ? loginUrl(resumeAuthorizationPath(requestId)) : '/login' });
}
