'use client';
/** The account page's forms post with the shared useActionForm (components/use-action-form.ts). */
import type { ActionFormState } from '@/components/use-action-form';

export { useActionForm as useAccountForm } from '@/components/use-action-form';

export type AccountFormState = ActionFormState;

export type AccountAction = (prev: AccountFormState, formData: FormData) => Promise<AccountFormState>;
