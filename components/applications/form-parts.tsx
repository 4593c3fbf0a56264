/**
 * The application form's building blocks: a titled section, a labelled field with its hint and
 * error, a one-line input and a textarea of one value per line wired to them, and a selectable
 * card for a radio or checkbox.
 * They take props only; application-form.tsx and its field groups compose them.
 */
import { useTranslations } from 'next-intl';
import type { ComponentProps, ReactNode } from 'react';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/ui/utils';
import { describedBy } from './form-context';

/** `id` names the section for aria-labelledby (`section-<id>`): a translated title cannot (日本語 has no \w). */
export function Section({ id: name, title, description, children }: { id?: string; title: string; description?: string; children: ReactNode }) {
  const id = `section-${name ?? title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={id} className="rounded-xl border border-slate-200 bg-white shadow-sm">
      <div className="border-b border-slate-100 px-5 py-4 sm:px-6">
        <h2 id={id} className="text-base font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
      </div>
      <div className="space-y-6 px-5 py-5 sm:px-6">{children}</div>
    </section>
  );
}

export function Field({ id, label, hint, error, optional, children }: { id: string; label: string; hint?: ReactNode; error?: string; optional?: boolean; children: ReactNode }) {
  const t = useTranslations('dashboard.form');
  return (
    <div>
      <Label htmlFor={id}>
        {label}
        {optional ? <span className="ml-1.5 font-normal text-slate-500">{t('optional')}</span> : null}
      </Label>
      <div className="mt-1.5">{children}</div>
      <FieldError id={`${id}-error`} message={error} />
      {hint ? (
        <p id={`${id}-hint`} className="mt-1.5 text-sm text-slate-500 [&_code]:font-mono [&_code]:text-[0.8125rem] [&_code]:text-slate-700">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A switch of the form: a checkbox with its label, hint and (for a rule that can refuse it) error. */
export function CheckboxField({
  id,
  label,
  hint,
  defaultChecked,
  error,
  input,
}: {
  id: string;
  label: string;
  hint: ReactNode;
  defaultChecked: boolean;
  error?: string;
  /** react-hook-form's register(id). */
  input: ComponentProps<'input'>;
}) {
  return (
    <div className="flex items-start gap-3">
      <input
        id={id}
        type="checkbox"
        defaultChecked={defaultChecked}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, true)}
        className="mt-0.5 size-4 shrink-0 cursor-pointer accent-accent-600"
        {...input}
      />
      <div>
        <label htmlFor={id} className="cursor-pointer text-sm font-medium text-slate-800">
          {label}
        </label>
        <p id={`${id}-hint`} className="mt-0.5 text-sm text-slate-500">
          {hint}
        </p>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    </div>
  );
}

/** A labelled one-line input: the field's error and hint are what screen readers hear with it. */
export function TextField({
  id,
  label,
  hint,
  error,
  optional,
  ...input
}: ComponentProps<typeof Input> & { id: string; label: string; hint?: ReactNode; error?: string; optional?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      <Input id={id} autoComplete="off" aria-invalid={error ? true : undefined} aria-describedby={describedBy(id, error, !!hint)} {...input} />
    </Field>
  );
}

export function TextareaField({
  id,
  label,
  hint,
  error,
  optional,
  rows = 3,
  ...textarea
}: ComponentProps<'textarea'> & { id: string; label: string; hint?: ReactNode; error?: string; optional?: boolean }) {
  return (
    <Field id={id} label={label} hint={hint} error={error} optional={optional}>
      <textarea
        id={id}
        rows={rows}
        spellCheck={false}
        autoCapitalize="none"
        autoCorrect="off"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, !!hint)}
        className={cn(
          'block w-full resize-y rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-sm leading-6 text-slate-900 shadow-xs',
          'placeholder:text-slate-400 focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none',
          'aria-invalid:border-red-500 aria-invalid:focus:ring-red-100',
        )}
        {...textarea}
      />
    </Field>
  );
}

/** A radio or checkbox with a title and a line of explanation; the whole card is the label. */
export function OptionCard({
  id,
  label,
  description,
  badge,
  describedBy,
  ...input
}: ComponentProps<'input'> & { id: string; label: string; description: string; badge?: string; describedBy?: string }) {
  return (
    <label
      htmlFor={id}
      className={cn(
        'flex cursor-pointer items-start gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 transition-colors hover:border-slate-300',
        'has-checked:border-accent-500 has-checked:bg-accent-50/50 has-checked:ring-1 has-checked:ring-accent-500',
        'has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-accent-600',
      )}
    >
      <input
        id={id}
        // Named by the title alone (the explanation is its description), so a screen reader
        // says "Implicit (legacy), checkbox" and then the sentence.
        aria-label={badge ? `${label} (${badge.toLowerCase()})` : label}
        aria-describedby={[`${id}-description`, describedBy].filter(Boolean).join(' ')}
        className="mt-0.5 size-4 shrink-0 cursor-pointer accent-accent-600 focus:outline-none"
        {...input}
      />
      <span className="min-w-0">
        <span className="flex flex-wrap items-center gap-2 text-sm font-medium text-slate-900">
          {label}
          {badge ? (
            <span className="rounded-md bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-800 ring-1 ring-amber-200 ring-inset">{badge}</span>
          ) : null}
        </span>
        <span id={`${id}-description`} className="mt-0.5 block text-sm text-slate-600">
          {description}
        </span>
      </span>
    </label>
  );
}

/** A group of option cards for one field: radios (one choice) or checkboxes (several). */
export function OptionCards({
  type,
  field,
  options,
  checked,
  badge,
  describedBy,
  input,
}: {
  type: 'radio' | 'checkbox';
  field: string;
  options: readonly { value: string; label: string; description: string }[];
  checked: (value: string) => boolean;
  badge?: string;
  describedBy?: string;
  /** What react-hook-form's register(field) returns. */
  input: Omit<ComponentProps<'input'>, 'id' | 'type' | 'value'>;
}) {
  return options.map((o) => (
    <OptionCard
      key={o.value}
      type={type}
      id={`${field}-${o.value}`}
      label={o.label}
      description={o.description}
      badge={badge}
      describedBy={describedBy}
      value={o.value}
      defaultChecked={checked(o.value)}
      {...input}
    />
  ));
}
