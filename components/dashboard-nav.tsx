import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { DASHBOARD_LINKS } from '@/components/dashboard-links';
import { GRID_ICON, KEY_ICON, SideNav } from '@/components/side-nav';

const ICONS: Record<(typeof DASHBOARD_LINKS)[number]['href'], ReactNode> = {
  '/o/applications': GRID_ICON,
  '/o/authorized-tokens': KEY_ICON,
};

/** The dashboard's sections: a column on wide screens, a row of tabs on phones (labels as in the header's nav). */
export function DashboardNav() {
  const t = useTranslations('dashboard.nav');
  const tNav = useTranslations('dashboardNav');
  return <SideNav label={t('label')} links={DASHBOARD_LINKS.map((l) => ({ ...l, label: tNav(l.key), icon: ICONS[l.href] }))} />;
}
