'use client';
import { useMemo } from 'react';
import { useTranslations } from 'next-intl';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { nameSchema } from '@/lib/validations/account';
import { FormStatus } from './form-status';
import { useAccountForm, type AccountAction } from './use-account-form';

export function NameForm({ name, action }: { name: string; action: AccountAction }) {
  const t = useTranslations('accountForms');
  const v = useTranslations('accountValidation');
  const schema = useMemo(() => nameSchema(v), [v]);
  const { form, state, pending, errorFor, formProps, initialValue } = useAccountForm(schema, action, { name });
  return (
    <form {...formProps} className="space-y-4">
      <FormStatus state={state} />
      <FormField
        id="name"
        label={t('name')}
        type="text"
        autoComplete="name"
        hint={t('nameHint')}
        error={errorFor('name')}
        {...form.register('name')}
        {...initialValue('name')}
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <Spinner /> : null}
        {t('saveName')}
      </Button>
    </form>
  );
}
