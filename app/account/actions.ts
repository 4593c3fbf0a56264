'use server';
/**
 * The account page's actions. Each re-validates its form with the schema the browser used and
 * answers bad input with field errors; each acts on the signed-in user only (the session's own
 * id and user, never one sent by the form). The rules live in lib/accounts; queries in lib/db.
 */
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getLocale, getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { AccountFormState } from '@/components/account/use-account-form';
import { requestMailBaseUrl } from '@/lib/accounts/base-url';
import { deleteAccount } from '@/lib/accounts/delete-account';
import { sendEmailChangeConfirmation, type EmailChangeRefusal } from '@/lib/accounts/email-change';
import { endUserAccess } from '@/lib/accounts/end-access';
import { sessionsEnded } from '@/lib/logout';
import { changePassword, type PasswordChangeRefusal } from '@/lib/accounts/password-change';
import { recordAudit } from '@/lib/audit';
import { currentUser, loginUrl, signOut, type SignedInUser } from '@/lib/auth';
import { hashPassword, verifyPasswordOrNothing } from '@/lib/auth/password';
import { signInIp } from '@/lib/auth/sign-in-limits';
import { getStore } from '@/lib/db';
import { getAccountStore } from '@/lib/db/account';
import { getSessionStore } from '@/lib/db/sessions';
import { queueMail } from '@/lib/mail';
import { getRateLimits } from '@/lib/rate-limit';
import { events } from '@/lib/server/events';
import { deleteAccountSchema, emailChangeSchema, nameSchema, passwordChangeSchema, passwordPolicyText } from '@/lib/validations/account';

const field = (formData: FormData, name: string) => {
  const v = formData.get(name);
  return typeof v === 'string' ? v : '';
};

/** The signed-in user with this browser's session, or off to sign in. */
async function signedIn(path = '/account'): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user) redirect(loginUrl(path));
  return user;
}

async function requestOrigin(): Promise<{ ip: string; userAgent: string | null }> {
  const h = await headers();
  return { ip: signInIp(h), userAgent: h.get('user-agent') };
}

const actorOf = (user: SignedInUser) => ({ type: 'user' as const, id: user.id, label: user.email });

/** The forms' words in the page's language (messages/<locale>/account.json). */
const validationText = () => getTranslations('accountValidation');
const messageText = () => getTranslations('accountMessages');

/** The library's refusals (lib/accounts), named by reason, in the page's words. */
const EMAIL_REFUSALS = { locked: 'emailLocked', same: 'emailSame', too_many: 'emailTooMany' } as const satisfies Record<Exclude<EmailChangeRefusal, 'invalid'>, string>;
const PASSWORD_REFUSALS = {
  stale: 'passwordStale',
  no_password: 'passwordNone',
  incorrect: 'passwordIncorrect',
  same: 'passwordSame',
} as const satisfies Record<Exclude<PasswordChangeRefusal, 'policy'>, string>;

export async function updateNameAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const user = await signedIn();
  const values = { name: field(formData, 'name') };
  const parsed = nameSchema(await validationText()).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  await (await getAccountStore()).updateUserName(user.id, parsed.data.name || null);
  const origin = await requestOrigin();
  await recordAudit({ type: 'profile.updated', actor: actorOf(user), userId: user.id, detail: { fields: ['name'] }, ...origin });
  revalidatePath('/account');
  return { ok: true, message: (await messageText())('nameSaved'), values: { name: parsed.data.name } };
}

export async function changeEmailAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const user = await signedIn();
  const values = { email: field(formData, 'email') };
  const parsed = emailChangeSchema(await validationText()).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  const t = await messageText();
  if (parsed.data.email === user.email) return { ok: false, fieldErrors: { email: [t('emailSame')] }, values };
  // The mails' language when the account saved none: this page's.
  const result = await sendEmailChangeConfirmation(user.id, parsed.data.email, { ...(await requestOrigin()), locale: await getLocale() });
  if (!result.ok) {
    const refusal = result.reason === 'invalid' ? (await validationText())('emailInvalid') : t(EMAIL_REFUSALS[result.reason]);
    return { ok: false, fieldErrors: { email: [refusal] }, values };
  }
  return { ok: true, message: t('emailSent', { email: parsed.data.email, current: user.email }) };
}

export async function changePasswordAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const user = await signedIn();
  const parsed = passwordChangeSchema(await validationText()).safeParse({
    currentPassword: field(formData, 'currentPassword'),
    newPassword: field(formData, 'newPassword'),
    confirmPassword: field(formData, 'confirmPassword'),
    keepAppsSignedIn: formData.get('keepAppsSignedIn'),
  });
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const [store, accounts, limits] = await Promise.all([getStore(), getAccountStore(), getRateLimits()]);
  const result = await changePassword(
    {
      store,
      limits,
      verifyPassword: verifyPasswordOrNothing,
      hashPassword,
      setUserPasswordHash: (id, hash) => accounts.setUserPasswordHash(id, hash),
      endUserAccess,
      queueMail,
      recordAudit,
      baseUrl: await requestMailBaseUrl(),
      locale: await getLocale(),
    },
    { user, sessionId: user.sessionId, ...parsed.data, origin: await requestOrigin() },
  );
  const t = await messageText();
  if (result.ok) {
    revalidatePath('/account');
    const apps = parsed.data.keepAppsSignedIn ? t('appsKept') : t('appsSignedOut');
    return { ok: true, message: `${t('passwordChanged', { count: result.sessionsEnded })} ${apps}` };
  }
  if ('rateLimited' in result) {
    events.emit('rate_limited', { limit: result.rateLimited.limit });
    const wait = result.rateLimited.retryAfter;
    return { ok: false, formError: wait < 60 ? t('tooManySeconds', { count: wait }) : t('tooManyMinutes', { count: Math.ceil(wait / 60) }) };
  }
  const refusal = result.reason === 'policy' ? passwordPolicyText(await validationText(), result.message) : t(PASSWORD_REFUSALS[result.reason]);
  return { ok: false, fieldErrors: { [result.field]: [refusal] } };
}

/** "Sign out" on one session. Signing out this browser is the header's "Sign out". */
export async function endSessionAction(formData: FormData): Promise<void> {
  const user = await signedIn();
  const id = field(formData, 'id');
  if (id === user.sessionId) {
    await signOut({ redirectTo: '/login' });
    return;
  }
  const ended = await (await getSessionStore()).endSessionForUser(id, user.id, new Date());
  if (ended) {
    await sessionsEnded([id], 'user');
    await recordAudit({ type: 'session.ended', actor: actorOf(user), userId: user.id, detail: { sessions: 1 }, ...(await requestOrigin()) });
  }
  redirect(`/account?signedOut=${ended ? 1 : 0}#sessions`);
}

export async function endOtherSessionsAction(): Promise<void> {
  const user = await signedIn();
  const ended = await (await getSessionStore()).endSessionsForUserReturningIds(user.id, new Date(), user.sessionId);
  await sessionsEnded(ended, 'user');
  const count = ended.length;
  if (count > 0) {
    await recordAudit({ type: 'session.ended', actor: actorOf(user), userId: user.id, detail: { sessions: count, allOthers: true }, ...(await requestOrigin()) });
  }
  redirect(`/account?signedOut=${count}#sessions`);
}

export async function deleteAccountAction(_prev: AccountFormState, formData: FormData): Promise<AccountFormState> {
  const user = await signedIn('/account/delete');
  const values = { confirmEmail: field(formData, 'confirmEmail') };
  const parsed = deleteAccountSchema(await validationText()).safeParse(values);
  if (!parsed.success) return { ok: false, fieldErrors: z.flattenError(parsed.error).fieldErrors, values };
  if (parsed.data.confirmEmail !== user.email) {
    return { ok: false, fieldErrors: { confirmEmail: [(await messageText())('deleteMismatch', { email: user.email })] }, values };
  }
  const accounts = await getAccountStore();
  await deleteAccount(
    { endUserAccess, deleteUserAccount: (id, now) => accounts.deleteUserAccount(id, now), recordAudit, events, now: new Date() },
    { user, origin: await requestOrigin() },
  );
  // The session row went with the account; this clears the cookie.
  await signOut({ redirectTo: '/account/deleted' });
  return null;
}
