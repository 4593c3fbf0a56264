import type { ReactNode } from 'react';
import { NavLink } from '@/components/nav-link';

export interface SideNavLink {
  href: string;
  label: string;
  /** The icon's SVG path(s), drawn in a 24×24 outline box. */
  icon: ReactNode;
}

/** A section nav (the dashboard's, the console's): a column on wide screens, a row of tabs on phones. */
export function SideNav({ label, heading, links }: { label: string; heading?: string; links: readonly SideNavLink[] }) {
  return (
    <nav aria-label={label} className="-mx-4 overflow-x-auto border-b border-slate-200 px-4 lg:mx-0 lg:border-0 lg:px-0">
      {heading ? <p className="hidden px-3 pb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase lg:block">{heading}</p> : null}
      <ul className="flex gap-1 lg:flex-col">
        {links.map((l) => (
          <li key={l.href}>
            <NavLink
              href={l.href}
              className="flex items-center gap-2.5 border-b-2 px-3 py-3 text-sm font-medium whitespace-nowrap transition-colors lg:rounded-lg lg:border-b-0 lg:py-2"
              activeClassName="border-accent-600 text-accent-700 lg:bg-accent-50"
              inactiveClassName="border-transparent text-slate-600 hover:text-slate-900 lg:hover:bg-slate-100"
            >
              <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-4.5 shrink-0">
                {l.icon}
              </svg>
              {l.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Icons both navs use. */
export const GRID_ICON = (
  <path strokeLinecap="round" strokeLinejoin="round" d="M4 5a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1V5Zm10 0a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1V5ZM4 15a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1H5a1 1 0 0 1-1-1v-4Zm10 0a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v4a1 1 0 0 1-1 1h-4a1 1 0 0 1-1-1v-4Z" />
);
export const KEY_ICON = (
  <path strokeLinecap="round" strokeLinejoin="round" d="M15 7a2 2 0 0 1 2 2m4 0a6 6 0 0 1-7.7 5.7L11 17H9v2H7v2H4a1 1 0 0 1-1-1v-2.6a1 1 0 0 1 .3-.7l6-6A6 6 0 1 1 21 9Z" />
);
