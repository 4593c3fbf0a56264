import type { ReactNode } from 'react';
import { DASHBOARD_LINKS } from '@/components/dashboard-links';
import { GRID_ICON, KEY_ICON, SideNav } from '@/components/side-nav';

const ICONS: Record<(typeof DASHBOARD_LINKS)[number]['href'], ReactNode> = {
  '/o/applications': GRID_ICON,
  '/o/authorized-tokens': KEY_ICON,
};

/** The dashboard's sections: a column on wide screens, a row of tabs on phones. */
export function DashboardNav() {
  return <SideNav label="Dashboard" links={DASHBOARD_LINKS.map((l) => ({ ...l, icon: ICONS[l.href] }))} />;
}
