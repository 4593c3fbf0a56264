import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { AuditQuery } from '@/lib/audit/filter';

/** The audit filter: a GET form, so a filtered view is a link an operator can share. */
export function AuditFilterForm({ query, types }: { query: AuditQuery; types: string[] }) {
  const t = useTranslations('adminAudit');
  const common = useTranslations('adminCommon');
  return (
    <form action="/admin/audit" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3" aria-label={t('filterLabel')}>
      <div className="space-y-1.5">
        <Label htmlFor="f-user">{t('user')}</Label>
        <Input id="f-user" name="user" defaultValue={query.user} placeholder={t('userPlaceholder')} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-client">{t('application')}</Label>
        {/* client_id is the protocol's name for it: the same in every language. */}
        <Input id="f-client" name="client" defaultValue={query.client} placeholder="client_id" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-type">{t('type')}</Label>
        <Input id="f-type" name="type" defaultValue={query.type} placeholder={t('typePlaceholder')} list="audit-types" />
        <datalist id="audit-types">
          {types.map((type) => (
            <option key={type} value={type} />
          ))}
        </datalist>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-from">{t('from')}</Label>
        <Input id="f-from" name="from" type="date" defaultValue={query.from} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-to">{t('to')}</Label>
        <Input id="f-to" name="to" type="date" defaultValue={query.to} />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit">{t('filter')}</Button>
        <Link href="/admin/audit" className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          {common('clear')}
        </Link>
      </div>
    </form>
  );
}
