'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { DASHBOARD_LINKS } from '@/components/dashboard-links';
import { cn } from '@/lib/utils';

/** A nav link marked current (aria-current="page") on its own path and below. */
export function NavLink({
  href,
  children,
  className,
  activeClassName,
  inactiveClassName,
}: {
  href: string;
  children: ReactNode;
  className?: string;
  activeClassName: string;
  inactiveClassName: string;
}) {
  const pathname = usePathname() ?? '';
  const active = pathname === href || pathname.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={active ? 'page' : undefined} className={cn(className, active ? activeClassName : inactiveClassName)}>
      {children}
    </Link>
  );
}

/** Hides its children on the dashboard pages, whose own side nav has the same links. */
export function HiddenOnDashboard({ children }: { children: ReactNode }) {
  const pathname = usePathname() ?? '';
  if (DASHBOARD_LINKS.some((l) => pathname === l.href || pathname.startsWith(`${l.href}/`))) return null;
  return <>{children}</>;
}
