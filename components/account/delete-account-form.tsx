'use client';
import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { FormField } from '@/components/auth/form-field';
import { ButtonLink } from '@/components/ui/button';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { deleteAccountSchema } from '@/lib/validations/account';
import { FormStatus } from './form-status';
import { useAccountForm, type AccountAction } from './use-account-form';

/** Typed confirmation: the account's email, then "Delete account". */
export function DeleteAccountForm({ email, action }: { email: string; action: AccountAction }) {
  const t = useTranslations('accountForms');
  const v = useTranslations('accountValidation');
  const schema = useMemo(() => deleteAccountSchema(v), [v]);
  const { form, state, pending, errorFor, formProps, initialValue } = useAccountForm(schema, action, { confirmEmail: '' });
  return (
    <form {...formProps}>
      <div className="space-y-4 px-5 py-5 sm:px-8">
        <FormStatus state={state} />
        <FormField
          id="confirm-email"
          label={t('confirmDelete', { email })}
          type="text"
          autoComplete="off"
          spellCheck={false}
          autoCapitalize="none"
          error={errorFor('confirmEmail')}
          {...form.register('confirmEmail')}
          {...initialValue('confirmEmail')}
        />
      </div>
      <div className="flex flex-col-reverse gap-3 border-t border-slate-200 bg-slate-50/60 px-5 py-4 sm:flex-row sm:justify-end sm:px-8">
        <ButtonLink href="/account" variant="secondary">
          {t('cancel')}
        </ButtonLink>
        <Button type="submit" variant="danger" disabled={pending} aria-busy={pending || undefined}>
          {pending ? <Spinner /> : null}
          {t('deleteAccount')}
        </Button>
      </div>
    </form>
  );
}
