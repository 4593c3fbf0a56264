import { Alert } from '@/components/ui/alert';
import type { AccountFormState } from './use-account-form';

/** The server's answer above a form: its error, or its success message. */
export function FormStatus({ state }: { state: AccountFormState }) {
  if (state?.formError) return <Alert tone="error">{state.formError}</Alert>;
  if (state?.ok && state.message) return <Alert tone="success">{state.message}</Alert>;
  return null;
}
