/**
 * Issue 19's fields: the scopes the application may request (a checklist of the server's scopes
 * with their descriptions), and in "Advanced" its token lifetimes and whether it gets refresh tokens.
 */
import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field-error';
import { LIFETIME_BOUNDS, LIFETIME_FIELDS, type LifetimeField } from '@/lib/applications/policy';
import type { FieldGroupProps } from './form-context';
import { OptionCards, TextField } from './form-parts';
import { useApplicationOptions } from './use-application-options';

export type ScopeOption = { value: string; label: string; description: string };

export function ScopeFields({ register, values, errorFor, options }: FieldGroupProps & { options: ScopeOption[] }) {
  const t = useTranslations('dashboard.form');
  const error = errorFor('allowedScopes');
  return (
    <fieldset aria-describedby={error ? 'allowedScopes-error' : undefined}>
      <legend className="sr-only">{t('allowedScopes')}</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <OptionCards type="checkbox" field="allowedScopes" options={options} checked={(v) => values.allowedScopes.includes(v)} input={register('allowedScopes')} />
      </div>
      <FieldError id="allowedScopes-error" message={error} />
    </fieldset>
  );
}

/** `defaults`: the settings' lifetime in seconds for each field, what a blank one means (null: no expiry). */
export function LifetimeFields({ register, values, errorFor, defaults }: FieldGroupProps & { defaults: Record<LifetimeField, number | null> }) {
  const t = useTranslations('dashboard.form');
  const { refresh } = useApplicationOptions();
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        {LIFETIME_FIELDS.map((f) => {
          const error = errorFor(f);
          const { min, max } = LIFETIME_BOUNDS[f];
          const seconds = defaults[f];
          const hint = seconds === null ? t('lifetimeHintNoExpiry', { min, max }) : t('lifetimeHint', { seconds, min, max });
          return (
            <TextField
              key={f}
              id={f}
              label={t(f)}
              error={error}
              optional
              hint={hint}
              inputMode="numeric"
              defaultValue={values[f]}
              {...register(f)}
            />
          );
        })}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">{t('refreshTokens')}</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <OptionCards type="radio" field="issueRefreshTokens" options={refresh} checked={(v) => values.issueRefreshTokens === v} input={register('issueRefreshTokens')} />
        </div>
        <FieldError id="issueRefreshTokens-error" message={errorFor('issueRefreshTokens')} />
      </fieldset>
    </>
  );
}
