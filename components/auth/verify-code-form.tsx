'use client';
import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import type { VerifyFormState } from '@/app/(auth)/second-factor-actions';
import { FormField } from '@/components/auth/form-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

/** The second step's one field: "Code" (authenticator app) or "Recovery code", and "Verify". */
export function VerifyCodeForm({
  action,
  next,
  method,
}: {
  action: (prev: VerifyFormState, formData: FormData) => Promise<VerifyFormState>;
  next: string;
  method: 'totp' | 'recovery';
}) {
  const t = useTranslations('verify');
  const [state, formAction, pending] = useActionState(action, null);
  return (
    <form action={formAction} className="space-y-5">
      {state?.formError ? <Alert tone="error">{state.formError}</Alert> : null}
      <input type="hidden" name="next" value={next} />
      <input type="hidden" name="method" value={method} />
      {method === 'totp' ? (
        <FormField
          id="code"
          name="code"
          label={t('code')}
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          placeholder="123456"
          spellCheck={false}
          required
          autoFocus
          error={state?.codeError}
        />
      ) : (
        <FormField
          id="code"
          name="code"
          label={t('recoveryCode')}
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          placeholder="xxxxx-xxxxx"
          maxLength={24}
          required
          autoFocus
          error={state?.codeError}
        />
      )}
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <Spinner /> : null}
        {t('submit')}
      </Button>
    </form>
  );
}
