'use client';
import { useActionState, useEffect, useRef } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button, buttonClasses } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/ui/utils';
import { CredentialField } from './secret-shown-once';
import { OVERLAP_OPTIONS } from '@/lib/applications/policy';

export type RotateSecretState = { ok: true; clientSecret: string; overlapLabel: string | null } | { ok: false; error: string } | null;



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
  const kept = sealed ? 'We keep it encrypted, to check the JWTs it signs (client secret JWT).' : 'We keep only a hash of it.';
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
            Secret rotated
          </h3>
          <p className="mt-1 text-sm text-emerald-900/80">
            {state.overlapLabel
              ? `The previous secret keeps working for ${state.overlapLabel}. Update your app’s configuration with this one before then.`
              : 'The previous secret has stopped working. Update your app’s configuration with this one.'}
          </p>
        </div>
        <CredentialField id="client-secret" label="New client secret" value={state.clientSecret} />
        <Alert tone="warning" title="Copy it now. It will not be shown again.">
          {kept} If you lose it, rotate again.
        </Alert>
      </div>
    );
  }

  return (
    <>
      <p className="mt-1 text-sm text-slate-600">
        {hasSecret ? `Hidden: it was shown once, when it was created. ${kept}` : 'None yet. Rotate to create one.'}
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
          Rotate secret
        </summary>
        <div className="mt-3 rounded-lg border border-red-200 bg-red-50/60 p-4">
          <p className="text-sm font-medium text-red-900">Replace the client secret?</p>
          <p className="mt-1 text-sm text-red-800">
            You get a new secret, shown once. Keep the current one working for a while so your app can switch without downtime, or end it
            now.
          </p>
          {state && !state.ok ? <p className="mt-2 text-sm font-medium text-red-800">{state.error}</p> : null}
          <form action={formAction} className="mt-3 space-y-3">
            <div>
              <label htmlFor="overlap" className="block text-sm font-medium text-red-900">
                Keep the old secret working for
              </label>
              <select
                id="overlap"
                name="overlap"
                defaultValue="0"
                className="mt-1 block h-9 w-full rounded-lg border border-slate-300 bg-white px-3 text-sm text-slate-900 sm:max-w-xs"
              >
                {OVERLAP_OPTIONS.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
            <Button type="submit" variant="danger" size="sm" disabled={pending} aria-busy={pending || undefined}>
              {pending ? <Spinner /> : null}
              Rotate secret now
            </Button>
          </form>
        </div>
      </details>
    </>
  );
}
