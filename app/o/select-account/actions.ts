'use server';
/** prompt=select_account's two buttons (lib/oauth/endpoints/select-account.ts). */
import { redirect } from 'next/navigation';
import { currentSignIn, loginUrl, signOut } from '@/lib/auth';
import { getOAuthServer } from '@/lib/server/oauth-server';

const EXPIRED = `/o/error?${new URLSearchParams({ error: 'invalid_request', error_description: 'This sign-in request has expired or was already used. Go back to the application and start again.' })}`;
const resumePath = (requestId: string) => `/o/authorize?pending=${encodeURIComponent(requestId)}`;

/** "Continue": the signed-in person is the account; the authorize endpoint goes on to consent. */
export async function continueAsSignedIn(formData: FormData): Promise<void> {
  const requestId = String(formData.get('request') ?? '');
  const user = await currentSignIn();
  if (!user) redirect(loginUrl(resumePath(requestId)));
  if (!(await (await getOAuthServer()).continueWithAccount(requestId, user.userId))) redirect(EXPIRED);
  redirect(resumePath(requestId));
}

/** "Use another account": sign out, sign in as someone else, and come back to the same request. */
export async function useAnotherAccount(formData: FormData): Promise<void> {
  const requestId = String(formData.get('request') ?? '');
  const next = await (await getOAuthServer()).restartForAnotherAccount(requestId);
  if (!next) redirect(EXPIRED);
  await signOut({ redirectTo: loginUrl(resumePath(next)) });
}
