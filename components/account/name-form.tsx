'use client';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { nameSchema } from '@/lib/validations/account';
import { FormStatus } from './form-status';
import { useAccountForm, type AccountAction } from './use-account-form';

export function NameForm({ name, action }: { name: string; action: AccountAction }) {
  const { form, state, pending, errorFor, formProps, initialValue } = useAccountForm(nameSchema, action, { name });
  return (
    <form {...formProps} className="space-y-4">
      <FormStatus state={state} />
      <FormField
        id="name"
        label="Name"
        type="text"
        autoComplete="name"
        hint="Shown to applications you authorize that ask for your profile."
        error={errorFor('name')}
        {...form.register('name')}
        {...initialValue('name')}
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <Spinner /> : null}
        Save name
      </Button>
    </form>
  );
}
