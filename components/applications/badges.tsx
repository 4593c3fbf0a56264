import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { LEGACY_GRANT_TYPES } from '@/lib/applications/options';
import { cn } from '@/lib/ui/utils';
import { useApplicationOptions } from './use-application-options';

export function Badge({ children, tone = 'neutral', className }: { children: ReactNode; tone?: 'neutral' | 'accent' | 'amber'; className?: string }) {
  return (
    <span
      className={cn(
        'inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset',
        tone === 'neutral' && 'bg-slate-50 text-slate-700 ring-slate-200',
        tone === 'accent' && 'bg-accent-50 text-accent-700 ring-accent-200',
        tone === 'amber' && 'bg-amber-50 text-amber-800 ring-amber-200',
        className,
      )}
    >
      {children}
    </span>
  );
}

export function ClientTypeBadge({ clientType }: { clientType: 'confidential' | 'public' }) {
  const { clientTypeLabel } = useApplicationOptions();
  return <Badge tone="accent">{clientTypeLabel(clientType)}</Badge>;
}

/** The grant types, legacy ones marked (RFC 9700 §2.1.2, §2.4). */
export function GrantBadges({ grants }: { grants: string[] }) {
  const t = useTranslations('dashboard.badges');
  const { grantBadge } = useApplicationOptions();
  return (
    <>
      {grants.map((g) => {
        const legacy = (LEGACY_GRANT_TYPES as readonly string[]).includes(g);
        return (
          <Badge key={g} tone={legacy ? 'amber' : 'neutral'}>
            {grantBadge(g)}
            {legacy ? <span className="ml-1 font-normal">{t('legacy')}</span> : null}
          </Badge>
        );
      })}
    </>
  );
}
