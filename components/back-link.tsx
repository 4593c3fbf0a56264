import Link from 'next/link';
import type { ReactNode } from 'react';

/** "‹ Applications": the way up from a detail page, above its title. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link
      href={href}
      className="inline-flex items-center gap-1 rounded text-sm font-medium text-slate-600 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-4">
        <path strokeLinecap="round" strokeLinejoin="round" d="m15 19-7-7 7-7" />
      </svg>
      {children}
    </Link>
  );
}
