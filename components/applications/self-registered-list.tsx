import type { SelfRegisteredSummary } from '@/lib/dashboard/views';
import { formatDate, plural } from '@/lib/ui/format';
import { Badge, ClientTypeBadge } from './badges';
import { Monogram } from './monogram';

export function RegisteredViaBadge({ via }: { via: 'dashboard' | 'dynamic' | 'metadata_document' }) {
  if (via === 'dynamic') return <Badge tone="amber">Registered itself</Badge>;
  if (via === 'metadata_document') return <Badge tone="amber">Metadata document</Badge>;
  return null;
}

/**
 * For operators (OAUTH2_OPERATOR_EMAILS): clients that registered themselves, by RFC 7591 or a
 * client ID metadata document. They have no owner, so they are read-only here; people who
 * authorized one revoke it on their Authorized applications page.
 */
export function SelfRegisteredList({ applications }: { applications: SelfRegisteredSummary[] }) {
  return (
    <ul className="space-y-3" aria-label="Self-registered clients">
      {applications.map((app) => (
        <li key={app.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <div className="flex items-start gap-4">
            <Monogram name={app.name} />
            <div className="min-w-0 flex-1">
              <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
                <h3 className="min-w-0 truncate text-base font-semibold text-slate-900">{app.name}</h3>
                <ClientTypeBadge clientType={app.clientType} />
                <RegisteredViaBadge via={app.registeredVia} />
              </div>
              <p className="mt-0.5 font-mono text-xs break-all text-slate-500">
                <span className="sr-only">Client ID </span>
                {app.clientId}
              </p>
              <p className="mt-2 text-sm break-all text-slate-600">
                <span className="text-slate-500">Redirects to </span>
                {app.redirectUris.join(', ') || 'nothing'}
              </p>
              <p className="mt-2 text-sm text-slate-600">
                {plural(app.userCount, 'user')} · {plural(app.activeTokenCount, 'active token')} · registered{' '}
                <time dateTime={app.createdAt.toISOString()}>{formatDate(app.createdAt)}</time>
              </p>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
