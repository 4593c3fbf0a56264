import type { ComponentProps, ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/** Label, input, hint and error, wired for screen readers (aria-invalid, aria-describedby). */
export function FormField({
  id,
  label,
  hint,
  error,
  labelAside,
  ...input
}: ComponentProps<'input'> & { id: string; label: string; hint?: ReactNode; error?: string | null; labelAside?: ReactNode }) {
  const describedBy = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div>
      <div className="flex items-baseline justify-between gap-2">
        <Label htmlFor={id}>{label}</Label>
        {labelAside}
      </div>
      <Input id={id} aria-invalid={error ? true : undefined} aria-describedby={describedBy} className="mt-1.5" {...input} />
      <FieldError id={`${id}-error`} message={error} />
      {hint && !error ? (
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-slate-500">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
