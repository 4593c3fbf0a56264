'use client';
/** The sign-in, sign-up and password forms' useActionForm: a refused sign-in empties the password. */
import type { DefaultValues, FieldValues } from 'react-hook-form';
import type { z } from 'zod';
import type { AuthFormState } from '@/app/(auth)/actions';
import { useActionForm } from '@/components/use-action-form';

export function useAuthForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  action: (prev: AuthFormState, formData: FormData) => Promise<AuthFormState>,
  defaultValues: DefaultValues<z.input<S>>,
) {
  return useActionForm(schema, action, defaultValues, { clearOnFormError: 'password' });
}
