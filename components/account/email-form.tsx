'use client';
import { FormField } from '@/components/auth/form-field';
import { Button } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';
import { emailChangeSchema } from '@/lib/validations/account';
import { FormStatus } from './form-status';
import { useAccountForm, type AccountAction } from './use-account-form';

/** A new address is confirmed by a link mailed to it; the current one stays until then. */
export function EmailForm({ action }: { action: AccountAction }) {
  const { form, state, pending, errorFor, formProps, initialValue } = useAccountForm(emailChangeSchema, action, { email: '' }, { resetOnSuccess: true });
  return (
    <form {...formProps} className="space-y-4">
      <FormStatus state={state} />
      <FormField
        id="new-email"
        label="New email"
        type="email"
        autoComplete="email"
        inputMode="email"
        spellCheck={false}
        autoCapitalize="none"
        hint="We send a confirmation link to the new address. Your email changes when you follow it."
        error={errorFor('email')}
        {...form.register('email')}
        {...initialValue('email')}
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending || undefined}>
        {pending ? <Spinner /> : null}
        Send confirmation link
      </Button>
    </form>
  );
}
