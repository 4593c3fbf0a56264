import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import type { AuditQuery } from '@/lib/audit/filter';

/** The audit filter: a GET form, so a filtered view is a link an operator can share. */
export function AuditFilterForm({ query, types }: { query: AuditQuery; types: string[] }) {
  return (
    <form action="/admin/audit" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:grid-cols-2 lg:grid-cols-3" aria-label="Filter events">
      <div className="space-y-1.5">
        <Label htmlFor="f-user">User</Label>
        <Input id="f-user" name="user" defaultValue={query.user} placeholder="Email or user id" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-client">Application</Label>
        <Input id="f-client" name="client" defaultValue={query.client} placeholder="client_id" />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-type">Event type</Label>
        <Input id="f-type" name="type" defaultValue={query.type} placeholder="e.g. sign_in.failed or token." list="audit-types" />
        <datalist id="audit-types">
          {types.map((t) => (
            <option key={t} value={t} />
          ))}
        </datalist>
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-from">From</Label>
        <Input id="f-from" name="from" type="date" defaultValue={query.from} />
      </div>
      <div className="space-y-1.5">
        <Label htmlFor="f-to">To</Label>
        <Input id="f-to" name="to" type="date" defaultValue={query.to} />
      </div>
      <div className="flex items-end gap-2">
        <Button type="submit">Filter</Button>
        <Link href="/admin/audit" className="inline-flex h-10 items-center rounded-lg px-3 text-sm font-medium text-slate-600 hover:bg-slate-100 hover:text-slate-900">
          Clear
        </Link>
      </div>
    </form>
  );
}
