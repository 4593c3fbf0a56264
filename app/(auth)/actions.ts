'use server';
/**
 * Sign-up, sign-in and sign-out. Each re-validates the form with the schema the browser
 * used (the browser's check is a convenience, this one is the rule) and answers bad input
 * with `{ ok: false, fieldErrors?, formError? }` for the form to show; success redirects.
 */
import { AuthError } from 'next-auth';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/lib/auth';
import { oauthProviders } from '@/lib/auth/config';
import { hashPassword } from '@/lib/auth/password';
import { safeNext } from '@/lib/auth/redirect';
import { checkSignUp, tooManyAttemptsMessage, TooManyAttempts } from '@/lib/auth/sign-in-limits';
import { AccountDisabled } from '@/lib/auth/account-disabled';
import { SecondFactorRequired } from '@/lib/auth/second-factor-provider';
import { continueToSecondStep } from './second-factor-actions';
import { ACCOUNT_DISABLED_MESSAGE } from '@/lib/auth/sign-in-audit';
import { getStore } from '@/lib/db';
import { signInSchema, signUpSchema } from '@/lib/validations/auth';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { requestMailBaseUrl } from '@/lib/accounts/base-url';
import { sendVerificationEmail, signupMode, signupRefusal } from '@/lib/accounts/verification';

export type AuthField = 'email' | 'password' | 'name' | 'confirmPassword';

export type AuthFormState = {
  ok: false;
  fieldErrors?: Partial<Record<AuthField, string[]>>;
  formError?: string;
  /** What was typed (never the password), so a form re-rendered without JavaScript keeps it. */
  values?: { email?: string; name?: string };
} | null;

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

export async function signInAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const next = safeNext(formData.get('next'));
  const values = { email: field(formData, 'email') };
  const parsed = signInSchema.safeParse({ email: values.email, password: field(formData, 'password') });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  try {
    await signIn('credentials', { ...parsed.data, redirect: false });
  } catch (e) {
    // A server action's answer is always 200; the limit shows as the form's message.
    if (e instanceof TooManyAttempts) return { ok: false, formError: tooManyAttemptsMessage(e.retryAfter), values };
    if (e instanceof AccountDisabled) return { ok: false, formError: ACCOUNT_DISABLED_MESSAGE, values };
    // Issue 22: the password was right and a code comes next; no session exists until then.
    if (e instanceof SecondFactorRequired) await continueToSecondStep(e.challenge, next);
    if (e instanceof AuthError && e.type === 'CredentialsSignin') {
      return { ok: false, formError: 'Email or password is incorrect', values };
    }
    throw e;
  }
  redirect(next);
}

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const next = safeNext(formData.get('next'));
  const values = { email: field(formData, 'email'), name: field(formData, 'name') };
  // OAUTH2_SIGNUP=invite or closed: only operators create accounts (the page says so too).
  const refusal = signupRefusal();
  if (refusal) return { ok: false, formError: refusal, values };
  const parsed = signUpSchema.safeParse({ ...values, password: field(formData, 'password') });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  const { email, password, name } = parsed.data;
  const weak = checkNewPassword(password, { email });
  if (weak) return { ok: false, fieldErrors: { password: [weak] }, values };
  const retryAfter = await checkSignUp(await headers());
  if (retryAfter !== null) return { ok: false, formError: tooManyAttemptsMessage(retryAfter), values };
  const store = await getStore();
  const user = await store.createUser({ email, name: name || null, passwordHash: await hashPassword(password) });
  if (!user) return { ok: false, fieldErrors: { email: ['An account with this email already exists'] }, values };
  // OAUTH2_SIGNUP=verified: the link that proves the address (the account can sign in meanwhile).
  if (signupMode() === 'verified') await sendVerificationEmail(user.id, { baseUrl: await requestMailBaseUrl() });

  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (e) {
    // The account exists; only the sign-in that follows was over the address's limit.
    if (e instanceof TooManyAttempts) return { ok: false, formError: `Your account was created. ${tooManyAttemptsMessage(e.retryAfter)}`, values };
    throw e;
  }
  redirect(next);
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: '/' });
}

/** "Continue with GitHub / Google": off to the provider, back to `next` afterwards. */
export async function signInWithProviderAction(formData: FormData): Promise<void> {
  const provider = oauthProviders().find((p) => p.id === formData.get('provider'));
  if (!provider) redirect('/login');
  await signIn(provider.id, { redirectTo: safeNext(formData.get('next')) });
}
