'use client';
import { useTranslations } from 'next-intl';
import { useActionState, useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClasses } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/ui/utils';
import { CredentialField } from './secret-shown-once';
import { useApplicationOptions } from './use-application-options';

/** `overlap`: how long the old secret keeps working, as chosen (OVERLAP_OPTIONS' value in seconds), or null for none. */
export type RotateSecretState = { ok: true; clientSecret: string; overlap: string | null } | { ok: false; error: string } | null;

/**
 * The client secret's row on an application's page: "Rotate secret" behind a confirmation (a
 * disclosure, so it works without JavaScript and with the keyboard), then the new secret,
 * shown once, in its place.
 */
export function RotateSecretForm({
  action,
  hasSecret,
  sealed = false,
}: {
  action: (prev: RotateSecretState, formData: FormData) => Promise<RotateSecretState>;
  hasSecret: boolean;
  /** client_secret_jwt: the secret is kept encrypted (to check its signatures), not only as a hash. */
  sealed?: boolean;
}) {
  const t = useTranslations('dashboard.rotate');
  const tSecret = useTranslations('dashboard.secret');
  const { overlaps } = useApplicationOptions();
  const kept = sealed ? t('keptSealed') : t('keptHash');
  const [state, formAction, pending] = useActionState<RotateSecretState, FormData>(action, null);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state?.ok) heading.current?.focus();
  }, [state]);

  if (state?.ok) {
    return (
      <div className="mt-2 space-y-4 rounded-lg border border-emerald-200 bg-emerald-50/50 p-4">
        <div>
          <h3 ref={heading} tabIndex={-1} className="flex items-center gap-2 text-sm font-semibold text-emerald-900 focus:outline-none">
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.25} className="size-4 text-emerald-600">
              <path strokeLinecap="round" strokeLinejoin="round" d="m5 13 4 4L19 7" />
            </svg>
            {t('rotated')}
          </h3>
          <p className="mt-1 text-sm text-emerald-900/80">
            {state.overlap
              ? t('keepsWorking', { overlap: overlaps.find((o) => o.value === state.overlap)?.label ?? state.overlap })
              : t('stopped')}
          </p>
        </div>
        <CredentialField id="client-secret" label={t('newSecret')} copyLabel={tSecret('copyNewClientSecret')} value={state.clientSecret} />
        <Alert tone="warning" title={t('copyNow')}>
          {t('rotateAgain', { kept })}
        </Alert>
      </div>
    );
  }

  return (
    <>
      <p className="mt-1 text-sm text-slate-600">
        {hasSecret ? t('hidden', { kept }) : t('noneYet')}
      </p>
      <details className="group mt-3">
        <summary
          className={cn(
            buttonClasses({ variant: 'secondary', size: 'sm' }),
            'cursor-pointer list-none group-open:bg-slate-50 [&::-webkit-details-marker]:hidden',
          )}
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-4">
            <path strokeLinecap="round" strokeLinejoin="round" d="M4 4v5h.6m14.8 2A8 8 0 0 0 4.6 9m0 0H9m11 11v-5h-.6m0 0a8 8 0 0 1-15.4-2m15.4 2H15" />
          </svg>
          {t('rotate')}
        </summary>
        <div className="mt-3 rounded-lg border border-red-200 bg-red-50/60 p-4">
          <p className="text-sm font-medium text-red-900">{t('confirmTitle')}</p>
          <p className="mt-1 text-sm text-red-800">{t('confirmText')}</p>
          {state && !state.ok ? <p className="mt-2 text-sm font-medium text-red-800">{state.error}</p> : null}
          <form action={formAction} className="mt-3 space-y-3">
            <div>
              <label htmlFor="overlap" className="block text-sm font-medium text-red-900">
                {t('keepFor')}
              </label>
              <select
                id="overlap"
                name="overlap"
                defaultValue="0"
                className="mt-1 block h-9 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 sm:max-w-xs"
              >
                {overlaps.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="danger" size="sm" disabled={pending} aria-busy={pending || undefined}>
              {pending ? <Spinner /> : null}
              {t('submit')}
            </Button>
          </form>
        </div>
      </details>
    </>
  );
}
