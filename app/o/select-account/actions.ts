'use server';
/** prompt=select_account's two buttons (lib/oauth/endpoints/select-account.ts). */
import { redirect } from 'next/navigation';
import { currentSignIn, loginUrl, signOut } from '@/lib/auth';
import { errorPagePath, resumeAuthorizationPath } from '@/lib/oauth/paths';
import { getOAuthServer } from '@/lib/server/oauth-server';

const EXPIRED = errorPagePath('invalid_request', 'This sign-in request has expired or was already used. Go back to the application and start again.');

/** "Continue": the signed-in person is the account; the authorize endpoint goes on to consent. */
export async function continueAsSignedIn(formData: FormData): Promise<void> {
  const requestId = String(formData.get('request') ?? '');
  const user = await currentSignIn();
  if (!user) redirect(loginUrl(resumeAuthorizationPath(requestId)));
  if (!(await (await getOAuthServer()).continueWithAccount(requestId, user.userId))) redirect(EXPIRED);
  redirect(resumeAuthorizationPath(requestId));
}

/** "Use another account": sign out, sign in as someone else, and come back to the same request. */
export async function useAnotherAccount(formData: FormData): Promise<void> {
  const requestId = String(formData.get('request') ?? '');
  const next = await (await getOAuthServer()).restartForAnotherAccount(requestId);
  if (!next) redirect(EXPIRED);
  await signOut({ redirectTo: loginUrl(resumeAuthorizationPath(next)) });
}
