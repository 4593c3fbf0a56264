import Link from 'next/link';
import { Badge } from '@/components/applications/badges';
import type { TokenView } from '@/lib/admin/views';
import { formatDateTime } from '@/lib/ui/format';
import { ActionButton } from './action-button';

const STATUS: Record<TokenView['status'], { label: string; className: string }> = {
  active: { label: 'Active', className: 'bg-emerald-50 text-emerald-700 ring-emerald-200' },
  revoked: { label: 'Revoked', className: 'bg-red-50 text-red-700 ring-red-200' },
  expired: { label: 'Expired', className: 'bg-slate-100 text-slate-600 ring-slate-300' },
  rotated: { label: 'Replaced', className: 'bg-slate-100 text-slate-600 ring-slate-300' },
};

/** Its own colours (Badge's neutral tone would fight them). */
function StatusBadge({ status }: { status: TokenView['status'] }) {
  const { label, className } = STATUS[status];
  return <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${className}`}>{label}</span>;
}

/**
 * Tokens found on the Tokens page: application, person, scope, issued, expires and status, with
 * "Revoke" for the live ones. There is no token value to show: only its digest is stored.
 */
export function TokenList({ tokens, now, revoke, back }: { tokens: TokenView[]; now: Date; revoke: (formData: FormData) => Promise<void>; back: Record<string, string> }) {
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-label="Tokens">
      {tokens.map((t) => (
        <li key={`${t.kind}-${t.id}`} className="flex flex-col gap-3 px-4 py-3 sm:flex-row sm:items-center sm:gap-4" data-token={`${t.kind}-${t.id}`} data-status={t.status}>
          <div className="min-w-0 flex-1 space-y-1">
            <div className="flex flex-wrap items-center gap-2">
              <Badge tone={t.kind === 'refresh' ? 'amber' : 'accent'}>{t.kind === 'refresh' ? 'Refresh token' : 'Access token'}</Badge>
              <StatusBadge status={t.status} />
              <Link href={`/admin/applications/${t.applicationId}`} className="min-w-0 truncate text-sm font-medium text-slate-900 hover:text-accent-700">
                {t.applicationName}
              </Link>
            </div>
            <p className="truncate text-sm text-slate-600">
              {t.userId ? (
                <Link href={`/admin/users/${t.userId}`} className="hover:text-accent-700">
                  {t.userEmail}
                </Link>
              ) : (
                'No person (client credentials)'
              )}
              <span className="text-slate-400"> · </span>
              <span className="font-mono text-xs break-all">{t.scope || 'no scope'}</span>
            </p>
            <p className="text-xs text-slate-500">
              Issued <time dateTime={t.createdAt.toISOString()}>{formatDateTime(t.createdAt)}</time>
              <span className="text-slate-400"> · </span>
              {t.expiresAt ? (
                <>
                  {t.expiresAt > now ? 'Expires' : 'Expired'} <time dateTime={t.expiresAt.toISOString()}>{formatDateTime(t.expiresAt)}</time>
                </>
              ) : (
                'Does not expire'
              )}
            </p>
          </div>
          {t.status === 'active' ? (
            <div className="shrink-0">
              <ActionButton action={revoke} fields={{ ...back, kind: t.kind, id: String(t.id) }}>
                Revoke<span className="sr-only"> {t.kind} token of {t.applicationName}</span>
              </ActionButton>
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
