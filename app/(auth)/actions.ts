'use server';
/**
 * Sign-up, sign-in and sign-out. Each re-validates the form with the schema the browser
 * used (the browser's check is a convenience, this one is the rule) and answers bad input
 * with `{ ok: false, fieldErrors?, formError? }` for the form to show; success redirects.
 */
import { AuthError } from 'next-auth';
import { getLocale, getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { signIn, signOut } from '@/lib/auth';
import { oauthProviders } from '@/lib/auth/config';
import { hashPassword } from '@/lib/auth/password';
import { safeNext } from '@/lib/auth/redirect';
import { checkSignUp, TooManyAttempts } from '@/lib/auth/sign-in-limits';
import { AccountDisabled } from '@/lib/auth/account-disabled';
import { SecondFactorRequired } from '@/lib/auth/second-factor-provider';
import { continueToSecondStep } from './second-factor-actions';
import { getStore } from '@/lib/db';
import { AUTH_MESSAGES, signInSchema, signUpSchema } from '@/lib/validations/auth';
import { tooManyAttemptsText } from '@/lib/i18n/auth-messages';
import { checkNewPassword } from '@/lib/auth/password-policy';
import { requestMailBaseUrl } from '@/lib/accounts/base-url';
import { sendVerificationEmail, signupMode, signupRefusalKey } from '@/lib/accounts/verification';

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
    // The form's messages in the page's language (field errors: the form translates them).
    const t = await getTranslations('authErrors');
    // A server action's answer is always 200; the limit shows as the form's message.
    if (e instanceof TooManyAttempts) return { ok: false, formError: tooManyAttemptsText(e.retryAfter, t), values };
    if (e instanceof AccountDisabled) return { ok: false, formError: t('accountDisabled'), values };
    // Issue 22: the password was right and a code comes next; no session exists until then.
    if (e instanceof SecondFactorRequired) await continueToSecondStep(e.challenge, next);
    if (e instanceof AuthError && e.type === 'CredentialsSignin') {
      return { ok: false, formError: (await getTranslations('login'))('errorCredentials'), values };
    }
    throw e;
  }
  redirect(next);
}

export async function signUpAction(_prev: AuthFormState, formData: FormData): Promise<AuthFormState> {
  const next = safeNext(formData.get('next'));
  const values = { email: field(formData, 'email'), name: field(formData, 'name') };
  // OAUTH2_SIGNUP=invite or closed: only operators create accounts (the page says so too).
  const t = await getTranslations('authErrors');
  const refusal = signupRefusalKey();
  if (refusal) return { ok: false, formError: t(refusal), values };
  const parsed = signUpSchema.safeParse({ ...values, password: field(formData, 'password') });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };

  const { email, password, name } = parsed.data;
  const weak = checkNewPassword(password, { email });
  if (weak) return { ok: false, fieldErrors: { password: [weak] }, values };
  const retryAfter = await checkSignUp(await headers());
  if (retryAfter !== null) return { ok: false, formError: tooManyAttemptsText(retryAfter, t), values };
  const store = await getStore();
  const user = await store.createUser({ email, name: name || null, passwordHash: await hashPassword(password) });
  if (!user) return { ok: false, fieldErrors: { email: [AUTH_MESSAGES.emailTaken] }, values };
  // OAUTH2_SIGNUP=verified: the link that proves the address (the account can sign in meanwhile).
  if (signupMode() === 'verified') await sendVerificationEmail(user.id, { baseUrl: await requestMailBaseUrl(), locale: await getLocale() });

  try {
    await signIn('credentials', { email, password, redirect: false });
  } catch (e) {
    // The account exists; only the sign-in that follows was over the address's limit.
    if (e instanceof TooManyAttempts) return { ok: false, formError: t('accountCreated', { problem: tooManyAttemptsText(e.retryAfter, t) }), values };
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
