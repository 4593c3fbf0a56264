'use client';
import { useActionState } from 'react';
import { Button, buttonClasses } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/utils';
import { SecretShownOnce } from './secret-shown-once';

export type RotateSecretState = { ok: true; clientSecret: string } | null;

/**
 * "Rotate secret" behind a confirmation (a disclosure, so it works without JavaScript and
 * with the keyboard). The new secret replaces the control, shown once.
 */
export function RotateSecretForm({ action, clientId }: { action: (prev: RotateSecretState) => Promise<RotateSecretState>; clientId: string }) {
  const [state, formAction, pending] = useActionState(action, null);

  if (state?.ok) {
    return (
      <SecretShownOnce
        title="New client secret"
        description="The previous secret has stopped working. Update your app’s configuration with this one."
        clientId={clientId}
        clientSecret={state.clientSecret}
      />
    );
  }

  return (
    <details className="group">
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
          You get a new secret, shown once. The current one stops working immediately: your app can’t get tokens until it uses the new one.
        </p>
        <form action={formAction} className="mt-3">
          <Button type="submit" variant="danger" size="sm" disabled={pending} aria-busy={pending || undefined}>
            {pending ? <Spinner /> : null}
            Rotate secret now
          </Button>
        </form>
      </div>
    </details>
  );
}
