/** What the application form's field groups receive from the form: how to register an input, the starting values, each field's error. */
import type { UseFormRegister } from 'react-hook-form';
import type { ApplicationFormField, ApplicationFormValues } from '@/lib/applications/schema';

export interface FieldGroupProps {
  register: UseFormRegister<ApplicationFormValues>;
  values: ApplicationFormValues;
  errorFor: (name: ApplicationFormField) => string | undefined;
}

/** aria-describedby for an input with an error and/or a hint below it. */
export function describedBy(id: string, error: string | undefined, hint: boolean): string | undefined {
  return [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
}
