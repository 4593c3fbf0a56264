'use client';
import { useTranslations } from 'next-intl';
import { forgotPasswordAction } from '@/app/(auth)/password-actions';
import { FormField } from '@/components/auth/form-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { forgotPasswordSchema } from '@/lib/validations/auth';
import { useAuthForm } from './use-auth-form';

export function ForgotPasswordForm({ defaultEmail }: { defaultEmail?: string }) {
  const t = useTranslations('forgot');
  const { form, formError, pending, errorFor, formProps, initialValue } = useAuthForm(forgotPasswordSchema, forgotPasswordAction, { email: defaultEmail ?? '' });
  return (
    <form {...formProps} className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <FormField
        id="email"
        label={t('email')}
        type="email"
        autoComplete="username"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        required
        autoFocus
        error={errorFor('email')}
        {...form.register('email')}
        {...initialValue('email')}
      />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <Spinner /> : null}
        {t('submit')}
      </Button>
    </form>
  );
}
