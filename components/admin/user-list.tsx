import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { UserView } from '@/lib/admin/views';
import { formatDate } from '@/lib/ui/format';
import { DisabledBadge, OperatorBadge } from './status-badges';

/** Accounts found by the search: one row each, the whole row a link to the account's page. */
export function UserList({ users }: { users: UserView[] }) {
  const t = useTranslations('adminUsers');
  const locale = useLocale();
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-label={t('listLabel')}>
      {users.map((u) => (
        <li key={u.id}>
          <Link href={`/admin/users/${u.id}`} className="flex flex-col gap-1 px-4 py-3 hover:bg-slate-50 focus-visible:bg-slate-50 focus-visible:outline-none sm:flex-row sm:items-center sm:gap-4">
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-2">
                <span className="min-w-0 truncate text-sm font-medium text-slate-900">{u.email}</span>
                <OperatorBadge operator={u.operator} />
                <DisabledBadge disabledAt={u.disabledAt} />
              </div>
              <p className="truncate text-sm text-slate-500">
                {u.name || t('noName')}
                {u.emailVerified ? '' : ` · ${t('emailNotVerified')}`}
              </p>
            </div>
            <p className="shrink-0 text-sm text-slate-500">
              {t.rich('joined', { date: formatDate(u.createdAt, locale), time: (chunks) => <time dateTime={u.createdAt.toISOString()}>{chunks}</time> })}
            </p>
          </Link>
        </li>
      ))}
    </ul>
  );
}
