'use client';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { signInAction } from '@/app/(auth)/actions';
import { FormField } from '@/components/auth/form-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { signInSchema } from '@/lib/validations/auth';
import { useAuthForm } from './use-auth-form';

export function LoginForm({ next, defaultEmail }: { next: string; defaultEmail?: string }) {
  const t = useTranslations('login');
  const { form, formError, pending, errorFor, formProps, initialValue } = useAuthForm(signInSchema, signInAction, {
    email: defaultEmail ?? '',
    password: '',
  });
  const { register } = form;

  return (
    <form {...formProps} className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="next" value={next} />
      <FormField
        id="email"
        label={t('email')}
        type="email"
        autoComplete="username webauthn"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        required
        autoFocus={!defaultEmail}
        error={errorFor('email')}
        {...register('email')}
        {...initialValue('email')}
      />
      <FormField
        id="password"
        label={t('password')}
        labelAside={
          <Link href="/forgot-password" className="text-sm font-medium text-accent-600 hover:text-accent-700 hover:underline">
            {t('forgotPassword')}
          </Link>
        }
        type="password"
        autoComplete="current-password"
        required
        autoFocus={!!defaultEmail}
        error={errorFor('password')}
        {...register('password')}
      />
      <Button type="submit" className="w-full" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <Spinner /> : null}
        {t('submit')}
      </Button>
    </form>
  );
}
