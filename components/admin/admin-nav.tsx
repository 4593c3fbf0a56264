import type { ReactNode } from 'react';
import { NavLink } from '@/components/nav-link';
import { ADMIN_LINKS } from './admin-links';

const ICONS: Record<string, ReactNode> = {
  '/admin/users': <path strokeLinecap="round" strokeLinejoin="round" d="M16 19v-1a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v1m20 0v-1a4 4 0 0 0-3-3.87M15 3.13a4 4 0 0 1 0 7.75M13 7a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z" />,
  '/admin/applications': (
    <path strokeLinecap="round" strokeLinejoin="round" d="M4 5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5Zm10 0a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1V5ZM4 15a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-4Zm10 0a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1v-4Z" />
  ),
  '/admin/audit': <path strokeLinecap="round" strokeLinejoin="round" d="M9 5H7a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-2M9 5a2 2 0 0 0 2 2h2a2 2 0 0 0 2-2M9 5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2m-6 9 2 2 4-4" />,
  '/admin/registration': <path strokeLinecap="round" strokeLinejoin="round" d="M12 4v16m8-8H4" />,
  '/admin/keys': <path strokeLinecap="round" strokeLinejoin="round" d="M15 7a2 2 0 0 1 2 2m4 0a6 6 0 0 1-7.7 5.7L11 17H9v2H7v2H4a1 1 0 0 1-1-1v-2.6a1 1 0 0 1 .3-.7l6-6A6 6 0 1 1 21 9Z" />,
};

/** The console's sections: a column on wide screens, a row of tabs on phones (as the dashboard's). */
export function AdminNav() {
  return (
    <nav aria-label="Admin" className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 lg:mx-0 lg:border-0 lg:px-0">
      <p className="hidden px-3 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase lg:block">Operator console</p>
      <ul className="flex gap-1 lg:flex-col">
        {ADMIN_LINKS.map((l) => (
          <li key={l.href}>
            <NavLink
              href={l.href}
              className="flex items-center gap-2.5 border-b-2 px-3 py-3 text-sm font-medium whitespace-nowrap transition-colors lg:rounded-lg lg:border-b-0 lg:py-2"
              activeClassName="border-accent-600 text-accent-700 lg:bg-accent-50"
              inactiveClassName="border-transparent text-slate-600 hover:text-slate-900 lg:hover:bg-slate-100"
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-4.5 shrink-0">
                {ICONS[l.href]}
              </svg>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
