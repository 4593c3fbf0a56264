'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import type { ReactNode } from 'react';
import { cn } from '@/lib/ui/utils';

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

/** Renders its children except on the given paths and below them (e.g. where a page has its own copy). */
export function HiddenOn({ paths, children }: { paths: readonly string[]; children: ReactNode }) {
  const pathname = usePathname() ?? '';
  if (paths.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return null;
  return <>{children}</>;
}
