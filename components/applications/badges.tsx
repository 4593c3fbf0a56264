import type { ReactNode } from 'react';
import { CLIENT_TYPES, grantBadge, LEGACY_GRANT_TYPES } from '@/lib/applications/options';
import { cn } from '@/lib/ui/utils';

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
  return <Badge tone="accent">{CLIENT_TYPES.find((t) => t.value === clientType)?.label}</Badge>;
}

/** The grant types, legacy ones marked (RFC 9700 §2.1.2, §2.4). */
export function GrantBadges({ grants }: { grants: string[] }) {
  return (
    <>
      {grants.map((g) => {
        const legacy = (LEGACY_GRANT_TYPES as readonly string[]).includes(g);
        return (
          <Badge key={g} tone={legacy ? 'amber' : 'neutral'}>
            {grantBadge(g)}
            {legacy ? <span className="ml-1 font-normal">(legacy)</span> : null}
          </Badge>
        );
      })}
    </>
  );
}
