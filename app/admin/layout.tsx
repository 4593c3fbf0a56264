import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { AdminNav } from '@/components/admin/admin-nav';
import { requireOperator } from '@/lib/admin/require-operator';

export async function generateMetadata(): Promise<Metadata> {
  const title = (await getTranslations('adminLayout'))('title');
  return { title: { template: `%s · ${title}`, default: title }, robots: { index: false } };
}

/**
 * The operators' console: 404 for everyone else. Each page and action checks again (layouts
 * and pages render in parallel, so a page never relies on its layout for access control).
 */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  await requireOperator();
  return (
    <div className="mx-auto max-w-6xl px-4 py-6 sm:px-6 lg:flex lg:gap-10 lg:py-10">
      <aside className="shrink-0 lg:w-56">
        <AdminNav />
      </aside>
      <div className="min-w-0 flex-1 pt-6 lg:pt-0">{children}</div>
    </div>
  );
}
