import Link from 'next/link';
import { signOutAction } from '@/app/(auth)/actions';
import { DASHBOARD_LINKS } from '@/components/dashboard-links';
import { getTranslations } from 'next-intl/server';
import { brandName, Logo } from '@/components/logo';
import { HiddenOn, NavLink } from '@/components/nav-link';
import { Button, ButtonLink } from '@/components/ui/button';
import { currentUser } from '@/lib/auth';
import { isOperator } from '@/lib/auth/operator';

// nowrap: a word such as アカウント must not break into a column beside the email.
const linkBase = 'rounded-md px-3 py-2 text-sm font-medium whitespace-nowrap transition-colors';
const linkActive = 'bg-slate-100 text-slate-900';
const linkInactive = 'text-slate-600 hover:bg-slate-50 hover:text-slate-900';

/** The top bar: product, the dashboard sections and the account when signed in, sign-in links otherwise. */
export async function SiteHeader() {
  const user = await currentUser();
  const t = await getTranslations('header');
  const tNav = await getTranslations('dashboardNav');
  const nav = user ? (
    // The dashboard's side nav has these same links.
    <HiddenOn paths={DASHBOARD_LINKS.map((l) => l.href)}>
      <nav aria-label={t('main')} className="flex items-center gap-1">
        {DASHBOARD_LINKS.map((l) => (
          <NavLink key={l.href} href={l.href} className={linkBase} activeClassName={linkActive} inactiveClassName={linkInactive}>
            {tNav(l.key)}
          </NavLink>
        ))}
      </nav>
    </HiddenOn>
  ) : null;

  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/95 backdrop-blur supports-backdrop-filter:bg-white/80">
      <div className="mx-auto flex h-16 max-w-6xl items-center gap-6 px-4 sm:px-6">
        <Link href="/" className="flex shrink-0 items-center gap-2.5 rounded-md text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-4 focus-visible:outline-accent-600">
          <Logo />
          {/* Phones, signed in: the mark alone, so the account's email and links fit beside it. */}
          <span className={user ? 'sr-only text-base font-semibold tracking-tight sm:not-sr-only' : 'text-base font-semibold tracking-tight'}>
            {brandName()}
          </span>
        </Link>
        {nav ? <div className="hidden md:block">{nav}</div> : null}
        <div className="ml-auto flex min-w-0 items-center gap-3">
          {user ? (
            <>
              {isOperator(user) ? (
                // Operators only: everyone else gets a 404 at /admin, so the link is not shown to them.
                <NavLink href="/admin" className={linkBase} activeClassName={linkActive} inactiveClassName={linkInactive}>
                  {t('admin')}
                </NavLink>
              ) : null}
              <span className="min-w-0 truncate text-sm text-slate-600 sm:max-w-64" title={user.email}>
                {user.email}
              </span>
              <NavLink href="/account" className={linkBase} activeClassName={linkActive} inactiveClassName={linkInactive}>
                {t('account')}
              </NavLink>
              <form action={signOutAction}>
                <Button type="submit" variant="secondary" size="sm">
                  {t('signOut')}
                </Button>
              </form>
            </>
          ) : (
            // The sign-in and sign-up pages link to each other themselves.
            <HiddenOn paths={['/login', '/signup']}>
              <ButtonLink href="/login" variant="ghost" size="sm">
                {t('signIn')}
              </ButtonLink>
              <ButtonLink href="/signup" size="sm">
                {t('signUp')}
              </ButtonLink>
            </HiddenOn>
          )}
        </div>
      </div>
      {nav ? (
        // Narrow screens: the sections on a second row.
        <HiddenOn paths={DASHBOARD_LINKS.map((l) => l.href)}>
          <div className="border-t border-slate-100 md:hidden">
            <div className="mx-auto max-w-6xl overflow-x-auto px-2 py-1.5 sm:px-4">{nav}</div>
          </div>
        </HiddenOn>
      ) : null}
    </header>
  );
}
