import { ClientLogo } from '@/components/applications/client-logo';
import { RegisteredViaBadge } from '@/components/applications/self-registered-list';
import { ButtonLink } from '@/components/ui/button';
import type { AuthorizationSummary } from '@/lib/dashboard/views';
import { formatDate, formatDateTime, formatRelative, plural } from '@/lib/ui/format';

export type ScopeDescriptions = Record<string, string>;

/** The scopes as people approved them: by description, the scope name beside it. */
export function ScopeSummary({ scopes, descriptions }: { scopes: string[]; descriptions: ScopeDescriptions }) {
  if (!scopes.length) return <p className="text-sm text-slate-600">Only to know who you are.</p>;
  return (
    <ul className="space-y-1.5">
      {scopes.map((s) => (
        <li key={s} className="flex items-start gap-2 text-sm text-slate-800">
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.25} className="mt-0.5 size-4 shrink-0 text-emerald-600">
            <path strokeLinecap="round" strokeLinejoin="round" d="m5 13 4 4L19 7" />
          </svg>
          <span className="min-w-0">
            {descriptions[s] ?? s}
            {descriptions[s] && descriptions[s] !== s ? <span className="ml-1.5 font-mono text-xs text-slate-500">{s}</span> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** DOT's authorized-token list: each application the user approved, what it may do, and "Revoke". */
export function AuthorizedTokenList({ authorizations, descriptions, now }: { authorizations: AuthorizationSummary[]; descriptions: ScopeDescriptions; now: Date }) {
  return (
    <ul className="space-y-3" aria-label="Authorized applications">
      {authorizations.map((a) => (
        <li key={a.id} className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5">
          <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
            <div className="flex min-w-0 flex-1 items-start gap-4">
              <ClientLogo name={a.applicationName} logoUri={a.logoUri ?? null} />
              <div className="min-w-0 flex-1">
                <div className="flex flex-wrap items-center gap-x-2.5 gap-y-1">
                  <h2 className="text-base font-semibold break-words text-slate-900">{a.applicationName}</h2>
                  <RegisteredViaBadge via={a.registeredVia} />
                </div>
                {a.registeredVia !== 'dashboard' ? <p className="mt-0.5 text-xs text-slate-500">Registered by the client itself, not by a person on this server.</p> : null}
                <p className="mt-0.5 text-sm text-slate-600">
                  Authorized{' '}
                  <time dateTime={a.createdAt.toISOString()} title={formatDateTime(a.createdAt)}>
                    {formatDate(a.createdAt)}
                  </time>
                  <Dot />
                  {a.lastUsedAt ? (
                    <>
                      last used{' '}
                      <time dateTime={a.lastUsedAt.toISOString()} title={formatDateTime(a.lastUsedAt)}>
                        {formatRelative(a.lastUsedAt, now)}
                      </time>
                    </>
                  ) : (
                    'never used'
                  )}
                  {a.activeTokenCount ? (
                    <>
                      <Dot />
                      {plural(a.activeTokenCount, 'active token')}
                    </>
                  ) : null}
                </p>
                <div className="mt-4 border-t border-slate-100 pt-3">
                  <p className="mb-2 text-xs font-medium tracking-wide text-slate-500 uppercase">Permissions</p>
                  <ScopeSummary scopes={a.scopes} descriptions={descriptions} />
                </div>
              </div>
            </div>
            <ButtonLink
              href={`/o/authorized-tokens/${a.id}/delete`}
              variant="secondary"
              size="sm"
              className="w-full border-red-200! text-red-700! hover:bg-red-50! hover:text-red-800! sm:w-auto"
            >
              Revoke<span className="sr-only"> {a.applicationName}</span>
            </ButtonLink>
          </div>
        </li>
      ))}
    </ul>
  );
}

function Dot() {
  return (
    <>
      <span aria-hidden="true"> · </span>
      <span className="sr-only">, </span>
    </>
  );
}
