import Link from 'next/link';
import type { ReactNode } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Badge } from '@/components/applications/badges';
import type { TokenView } from '@/lib/admin/views';
import { formatDateTime } from '@/lib/ui/format';
import { ActionButton } from './action-button';

const STATUS = {
  active: { key: 'statusActive', className: 'bg-emerald-50 text-emerald-700 ring-emerald-200' },
  revoked: { key: 'statusRevoked', className: 'bg-red-50 text-red-700 ring-red-200' },
  expired: { key: 'statusExpired', className: 'bg-slate-100 text-slate-600 ring-slate-300' },
  rotated: { key: 'replaced', className: 'bg-slate-100 text-slate-600 ring-slate-300' },
} as const satisfies Record<TokenView['status'], { key: string; className: string }>;

/** Its own colours (Badge's neutral tone would fight them). */
function StatusBadge({ status }: { status: TokenView['status'] }) {
  const t = useTranslations('adminTokens');
  const { key, className } = STATUS[status];
  return <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${className}`}>{t(key)}</span>;
}

/** The `<time>` tag of a message ("Issued <time>{at}</time>"), with the machine-readable instant. */
function timeTag(d: Date) {
  return function TimeTag(chunks: ReactNode) {
    return <time dateTime={d.toISOString()}>{chunks}</time>;
  };
}

/**
 * Tokens found on the Tokens page: application, person, scope, issued, expires and status, with
 * "Revoke" for the live ones. There is no token value to show: only its digest is stored.
 */
export function TokenList({ tokens, now, revoke, back }: { tokens: TokenView[]; now: Date; revoke: (formData: FormData) => Promise<void>; back: Record<string, string> }) {
  const t = useTranslations('adminTokens');
  const locale = useLocale();
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-label={t('listLabel')}>
      {tokens.map((token) => (
        <li key={`${token.kind}-${token.id}`} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:gap-4" data-token={`${token.kind}-${token.id}`} data-status={token.status}>
          <div className="min-w-0 flex-1 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={token.kind === 'refresh' ? 'amber' : 'accent'}>{token.kind === 'refresh' ? t('refreshToken') : t('accessToken')}</Badge>
              <StatusBadge status={token.status} />
              <Link href={`/admin/applications/${token.applicationId}`} className="min-w-0 truncate text-sm font-medium text-slate-900 hover:text-accent-700">
                {token.applicationName}
              </Link>
            </div>
            <p className="truncate text-sm text-slate-600">
              {token.userId ? (
                <Link href={`/admin/users/${token.userId}`} className="hover:text-accent-700">
                  {token.userEmail}
                </Link>
              ) : (
                t('noPerson')
              )}
              <span className="text-slate-400"> · </span>
              <span className="font-mono text-xs break-all">{token.scope || t('noScope')}</span>
            </p>
            <p className="text-xs text-slate-500">
              {t.rich('issued', { at: formatDateTime(token.createdAt, locale), time: timeTag(token.createdAt) })}
              <span className="text-slate-400"> · </span>
              {token.expiresAt
                ? t.rich(token.expiresAt > now ? 'expires' : 'expired', { at: formatDateTime(token.expiresAt, locale), time: timeTag(token.expiresAt) })
                : t('doesNotExpire')}
            </p>
          </div>
          {token.status === 'active' ? (
            <div className="shrink-0">
              <ActionButton action={revoke} fields={{ ...back, kind: token.kind, id: String(token.id) }}>
                {t.rich(token.kind === 'refresh' ? 'revokeRefresh' : 'revokeAccess', { application: token.applicationName, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
              </ActionButton>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
