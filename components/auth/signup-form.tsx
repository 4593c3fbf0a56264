'use client';
import { useTranslations } from 'next-intl';
import { signUpAction } from '@/app/(auth)/actions';
import { FormField } from '@/components/auth/form-field';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { PASSWORD_MIN_LENGTH, signUpSchema } from '@/lib/validations/auth';
import { useAuthForm } from './use-auth-form';

export function SignupForm({ next }: { next: string }) {
  const t = useTranslations('signup');
  const { form, formError, pending, errorFor, formProps, initialValue } = useAuthForm(signUpSchema, signUpAction, {
    name: '',
    email: '',
    password: '',
  });
  const { register } = form;

  return (
    <form {...formProps} className="space-y-5">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <input type="hidden" name="next" value={next} />
      <FormField
        id="name"
        label={t('name')}
        labelAside={<span className="text-xs text-slate-500">{t('optional')}</span>}
        type="text"
        autoComplete="name"
        error={errorFor('name')}
        {...register('name')}
        {...initialValue('name')}
      />
      <FormField
        id="email"
        label={t('email')}
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        required
        error={errorFor('email')}
        {...register('email')}
        {...initialValue('email')}
      />
      <FormField
        id="password"
        label={t('password')}
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t('passwordHint', { min: PASSWORD_MIN_LENGTH })}
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
