'use client';
/**
 * The sign-in, sign-up and password forms' useActionForm: a refused sign-in empties the password,
 * and every message (the browser's zod check, the server's answer) is shown in the page's language.
 */
import { useTranslations } from 'next-intl';
import type { DefaultValues, FieldValues, Path } from 'react-hook-form';
import type { z } from 'zod';
import type { AuthFormState } from '@/app/(auth)/actions';
import { useActionForm } from '@/components/use-action-form';
import { localizeAuthMessage } from '@/lib/i18n/auth-messages';

export function useAuthForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  action: (prev: AuthFormState, formData: FormData) => Promise<AuthFormState>,
  defaultValues: DefaultValues<z.input<S>>,
) {
  const t = useTranslations('authErrors');
  const form = useActionForm(schema, action, defaultValues, { clearOnFormError: 'password' });
  return {
    ...form,
    errorFor: (name: Path<z.input<S>> & string) => localizeAuthMessage(form.errorFor(name), t),
    /** The message about the whole form (wrong password, too many attempts), or undefined. */
    formError: localizeAuthMessage(form.state?.formError, t),
  };
}
