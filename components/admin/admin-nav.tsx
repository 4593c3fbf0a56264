import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { GRID_ICON, KEY_ICON, SideNav } from '@/components/side-nav';
import { ADMIN_LINKS } from './admin-links';

const ICONS: Record<(typeof ADMIN_LINKS)[number]['href'], ReactNode> = {
  '/admin/users': <path strokeLinecap="round" strokeLinejoin="round" d="M16 19v-1a4 4 0 0 0-4-4H6a4 4 0 0 0-4 4v1m20 0v-1a4 4 0 0 0-3-3.87M15 3.13a4 4 0 0 1 0 7.75M13 7a4 4 0 1 1-8 0 4 4 0 0 1 8 0Z" />,
  '/admin/applications': GRID_ICON,
  '/admin/tokens': <path strokeLinecap="round" strokeLinejoin="round" d="M15 5v2m0 4v2m0 4v2M5 5h14a2 2 0 0 1 2 2v3a2 2 0 0 0 0 4v3a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2v-3a2 2 0 0 0 0-4V7a2 2 0 0 1 2-2Z" />,
  '/admin/audit': <path strokeLinecap="round" strokeLinejoin="round" d="M9 5H7a2 2 0 0 0-2 2v12a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-2M9 5a2 2 0 0 0 2 2h2a2 2 0 0 0 2-2M9 5a2 2 0 0 1 2-2h2a2 2 0 0 1 2 2m-6 9 2 2 4-4" />,
  '/admin/registration': <path strokeLinecap="round" strokeLinejoin="round" d="M12 4v16m8-8H4" />,
  '/admin/keys': KEY_ICON,
};

/** The console's sections: a column on wide screens, a row of tabs on phones (as the dashboard's). */
export function AdminNav() {
  const t = useTranslations('adminNav');
  return <SideNav label={t('label')} heading={t('heading')} links={ADMIN_LINKS.map((l) => ({ href: l.href, label: t(l.key), icon: ICONS[l.href] }))} />;
}
