'use client';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useFormStatus } from 'react-dom';
import { decide } from '@/app/o/consent/actions';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { ScopeList } from './scope-list';

/**
 * The decision form. It posts only the request id, its CSRF token, the decision and the ticked
 * scopes; the server action loads everything else from the pending request. Works without
 * JavaScript (a plain POST to the action); with it, both buttons lock once one is pressed so a
 * double click cannot send the single-use request twice.
 */
export function ConsentForm({
  requestId,
  csrf,
  applicationName,
  scopes,
  resources,
  redirectHost,
  action = decide,
  notice,
}: {
  /** The pending request's id (for a device: its user code, which the device action looks up again). */
  requestId: string;
  csrf: string;
  applicationName: string;
  scopes: { name: string; description: string }[];
  /** RFC 8707 resource indicators the access is limited to. */
  resources: string[];
  /** Where the browser goes back to; null for a device (nothing is redirected). */
  redirectHost: string | null;
  /** The server action deciding it: the authorization request's (default) or a device's. */
  action?: (formData: FormData) => Promise<void>;
  /** Shown above the buttons (the device flow's warning). */
  notice?: ReactNode;
}) {
  const t = useTranslations('consent');
  const bold = (chunks: ReactNode) => <span className="font-semibold">{chunks}</span>;
  return (
    <form action={action}>
      <input type="hidden" name="request" value={requestId} />
      <input type="hidden" name="csrf" value={csrf} />
      {scopes.length ? <input type="hidden" name="scope_choice" value="1" /> : null}
      <div className="space-y-5 px-5 py-6 sm:px-8">
        {scopes.length ? (
          <fieldset>
            <legend className="text-sm font-medium text-slate-900">
              {t.rich('willAllow', { app: applicationName, b: bold })}
            </legend>
            <div className="mt-3">
              <ScopeList scopes={scopes} />
            </div>
          </fieldset>
        ) : (
          <p className="text-sm text-slate-700">
            {t.rich('identityOnly', { app: applicationName, b: bold })}
          </p>
        )}
        {resources.length ? (
          <div className="text-sm text-slate-700">
            <p>{resources.length === 1 ? t('onlyThisService') : t('onlyTheseServices')}</p>
            <ul className="mt-1.5 space-y-1">
              {resources.map((r) => (
                <li key={r} className="font-mono text-xs break-all text-slate-900">
                  {r}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        {notice}
        {redirectHost === null ? null : (
          <p className="flex items-start gap-2.5 rounded-lg border border-slate-200 bg-slate-50 px-3 py-2.5 text-sm text-slate-700">
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="mt-0.5 size-4 shrink-0 text-slate-500">
              <path strokeLinecap="round" strokeLinejoin="round" d="M13.5 6H18a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2v-4.5M10 14 20 4m0 0h-5m5 0v5" />
            </svg>
            <span className="min-w-0">
              {t.rich('sentBackTo', { host: redirectHost, b: (chunks) => <strong className="font-mono font-semibold break-all text-slate-900">{chunks}</strong> })}
            </span>
          </p>
        )}
      </div>
      <DecisionButtons />
    </form>
  );
}

function DecisionButtons() {
  const t = useTranslations('consent');
  const { pending, data } = useFormStatus();
  const choice = pending ? data?.get('decision') : null;
  return (
    <div className="flex flex-col-reverse gap-3 border-t border-slate-200 bg-slate-50/60 px-5 py-4 sm:flex-row sm:justify-end sm:px-8">
      <Button type="submit" name="decision" value="deny" variant="secondary" size="lg" className="w-full sm:w-auto sm:min-w-28" disabled={pending}>
        {choice === 'deny' ? <Spinner /> : null}
        {t('cancel')}
      </Button>
      <Button type="submit" name="decision" value="allow" size="lg" className="w-full sm:w-auto sm:min-w-32" disabled={pending}>
        {choice === 'allow' ? <Spinner /> : null}
        {t('authorize')}
      </Button>
    </div>
  );
}
