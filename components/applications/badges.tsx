import type { ReactNode } from 'react';
import { cn } from '@/lib/ui/utils';

const GRANT_LABELS: Record<string, string> = {
  authorization_code: 'Authorization code',
  client_credentials: 'Client credentials',
  implicit: 'Implicit',
  password: 'Password',
  refresh_token: 'Refresh token',
};

export function grantLabel(grant: string): string {
  return GRANT_LABELS[grant] ?? grant;
}

export const LEGACY_GRANTS = new Set(['implicit', 'password']);

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
  return <Badge tone="accent">{clientType === 'confidential' ? 'Confidential' : 'Public'}</Badge>;
}

/** The grant types, legacy ones marked (RFC 9700 §2.1.2, §2.4). */
export function GrantBadges({ grants }: { grants: string[] }) {
  return (
    <>
      {grants.map((g) => (
        <Badge key={g} tone={LEGACY_GRANTS.has(g) ? 'amber' : 'neutral'}>
          {grantLabel(g)}
          {LEGACY_GRANTS.has(g) ? <span className="ml-1 font-normal">(legacy)</span> : null}
        </Badge>
      ))}
    </>
  );
}
