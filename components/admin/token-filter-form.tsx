import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { TokenStatusFilter } from '@/lib/admin/views';

const STATUS_LABELS = { any: 'statusAny', active: 'statusActive', revoked: 'statusRevoked', expired: 'statusExpired' } as const satisfies Record<TokenStatusFilter, string>;

/** The Tokens page's search: a GET form, so a filtered view is a link an operator can share. */
export function TokenFilterForm({ user, application, status }: { user: string; application: string; status: TokenStatusFilter }) {
  const t = useTranslations('adminTokens');
  const common = useTranslations('adminCommon');
  return (
    <form action="/admin/tokens" role="search" aria-label={t('filterLabel')} className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-[1fr_1fr_10rem_auto]">
      <div className="space-y-1.5">
        <Label htmlFor="t-user">{t('person')}</Label>
        <Input id="t-user" name="user" type="email" defaultValue={user} placeholder={t('personPlaceholder')} autoComplete="off" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="t-application">{t('application')}</Label>
        <Input id="t-application" name="application" defaultValue={application} placeholder={t('applicationPlaceholder')} autoComplete="off" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="t-status">{t('status')}</Label>
        <select
          id="t-status"
          name="status"
          defaultValue={status}
          className="block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-xs focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none sm:text-sm"
        >
          {Object.entries(STATUS_LABELS).map(([value, key]) => (
            <option key={value} value={value}>
              {t(key)}
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit">{t('find')}</Button>
        <Link href="/admin/tokens" className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          {common('clear')}
        </Link>
      </div>
    </form>
  );
}
