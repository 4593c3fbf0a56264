'use client';
import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { emailChangeSchema } from '@/lib/validations/account';
import { FormStatus } from './form-status';
import { useAccountForm, type AccountAction } from './use-account-form';

/** A new address is confirmed by a link mailed to it; the current one stays until then. */
export function EmailForm({ action }: { action: AccountAction }) {
  const t = useTranslations('accountForms');
  const v = useTranslations('accountValidation');
  const schema = useMemo(() => emailChangeSchema(v), [v]);
  const { form, state, pending, errorFor, formProps, initialValue } = useAccountForm(schema, action, { email: '' }, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-4">
      <FormStatus state={state} />
      <FormField
        id="new-email"
        label={t('newEmail')}
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        hint={t('newEmailHint')}
        error={errorFor('email')}
        {...form.register('email')}
        {...initialValue('email')}
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <Spinner /> : null}
        {t('sendLink')}
      </Button>
    </form>
  );
}
