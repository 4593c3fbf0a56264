'use client';
import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '@/lib/auth/password-rules';
import { passwordChangeSchema } from '@/lib/validations/account';
import { FormStatus } from './form-status';
import { useAccountForm, type AccountAction } from './use-account-form';

const EMPTY = { currentPassword: '', newPassword: '', confirmPassword: '', keepAppsSignedIn: false };

/** Current + new + confirm; other browsers are signed out, and apps too unless kept. */
export function PasswordForm({ email, action }: { email: string; action: AccountAction }) {
  const t = useTranslations('accountForms');
  const v = useTranslations('accountValidation');
  const schema = useMemo(() => passwordChangeSchema(v), [v]);
  const { form, state, pending, errorFor, formProps } = useAccountForm(schema, action, EMPTY, { resetOnSuccess: true });
  const { register } = form;
  return (
    <form {...formProps} className="space-y-4">
      <FormStatus state={state} />
      {/* For password managers: which account this password belongs to. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <FormField id="current-password" label={t('currentPassword')} type="password" autoComplete="current-password" error={errorFor('currentPassword')} {...register('currentPassword')} />
      <FormField
        id="new-password"
        label={t('newPassword')}
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        hint={t('newPasswordHint', { min: PASSWORD_MIN_LENGTH })}
        error={errorFor('newPassword')}
        {...register('newPassword')}
      />
      <FormField id="confirm-password" label={t('confirmPassword')} type="password" autoComplete="new-password" error={errorFor('confirmPassword')} {...register('confirmPassword')} />
      <div className="flex items-start gap-3">
        <input id="keep-apps" type="checkbox" className="mt-0.5 size-4 rounded border-slate-300 text-accent-600 focus-visible:outline-accent-600" {...register('keepAppsSignedIn')} />
        <div className="text-sm">
          <label htmlFor="keep-apps" className="font-medium text-slate-900">
            {t('keepApps')}
          </label>
          <p className="text-slate-500">{t('keepAppsHint')}</p>
        </div>
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <Spinner /> : null}
        {t('changePassword')}
      </Button>
    </form>
  );
}
