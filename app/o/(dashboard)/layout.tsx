import type { ReactNode } from 'react';
import { DashboardNav } from '@/components/dashboard-nav';
import { requireUser } from '@/lib/auth';

/**
 * The dashboard: signed-in users only. Each page calls requireUser() too (layouts and pages
 * render in parallel, so a page must never rely on its layout for access control).
 */
export default async function DashboardLayout({ children }: { children: ReactNode }) {
  await requireUser();
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:flex lg:gap-10 lg:py-10">
      <aside className="shrink-0 lg:w-56">
        <DashboardNav />
      </aside>
      <div className="min-w-0 flex-1 pt-6 lg:pt-0">{children}</div>
    </div>
  );
}
