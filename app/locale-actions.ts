'use server';
/**
 * The footer's language switcher: remembers the choice in a cookie (a year) and, when someone
 * is signed in, on their account (users.locale), so it follows them to other browsers.
 */
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentUser, safeNext } from '@/lib/auth';
import { getAccountStore } from '@/lib/db/account';
import { isLocale } from '@/lib/i18n/locales';
import { LOCALE_COOKIE, UI_LOCALES_COOKIE } from '@/lib/i18n/request-locale';

export async function setLocaleAction(formData: FormData): Promise<void> {
  const locale = formData.get('locale');
  const back = safeNext(typeof formData.get('back') === 'string' ? (formData.get('back') as string) : null, '/');
  if (!isLocale(locale)) redirect(back);
  const jar = await cookies();
  jar.set(LOCALE_COOKIE, locale, { path: '/', maxAge: 365 * 86_400, sameSite: 'lax', httpOnly: true });
  // A choice made now beats what the application asked for (ui_locales).
  jar.delete(UI_LOCALES_COOKIE);
  const user = await currentUser();
  if (user) await (await getAccountStore()).setUserLocale(user.id, locale);
  redirect(back);
}
