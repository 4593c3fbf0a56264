'use client';
import { useTranslations } from 'next-intl';
import { resetPasswordAction } from '@/app/(auth)/password-actions';
import { FormField } from '@/components/auth/form-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { PASSWORD_MIN_LENGTH, resetPasswordSchema } from '@/lib/validations/auth';
import { useAuthForm } from './use-auth-form';

export function ResetPasswordForm({ token, email }: { token: string; email: string }) {
  const t = useTranslations('resetPassword');
  const { form, formError, pending, errorFor, formProps } = useAuthForm(resetPasswordSchema, resetPasswordAction, { password: '', confirmPassword: '' });
  return (
    <form {...formProps} className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers save the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField
        id="password"
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        required
        autoFocus
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('hint', { min: PASSWORD_MIN_LENGTH })}
        error={errorFor('password')}
        {...form.register('password')}
      />
      <FormField
        id="confirmPassword"
        label={t('confirmPassword')}
        type="password"
        autoComplete="new-password"
        required
        error={errorFor('confirmPassword')}
        {...form.register('confirmPassword')}
      />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <Spinner /> : null}
        {t('submit')}
      </Button>
    </form>
  );
}
