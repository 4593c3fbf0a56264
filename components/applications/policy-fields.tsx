/**
 * Issue 19's fields: the scopes the application may request (a checklist of the server's scopes
 * with their descriptions), and in "Advanced" its token lifetimes and whether it gets refresh tokens.
 */
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { LIFETIME_BOUNDS, LIFETIME_FIELDS, type LifetimeField } from '@/lib/applications/policy';
import { describedBy, type FieldGroupProps } from './form-context';
import { Field, OptionCards } from './form-parts';

export type ScopeOption = { value: string; label: string; description: string };

export function ScopeFields({ register, values, errorFor, options }: FieldGroupProps & { options: ScopeOption[] }) {
  const error = errorFor('allowedScopes');
  return (
    <fieldset aria-describedby={error ? 'allowedScopes-error' : undefined}>
      <legend className="sr-only">Allowed scopes</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        <OptionCards type="checkbox" field="allowedScopes" options={options} checked={(v) => values.allowedScopes.includes(v)} input={register('allowedScopes')} />
      </div>
      <FieldError id="allowedScopes-error" message={error} />
    </fieldset>
  );
}

const LIFETIME_LABELS: Record<LifetimeField, string> = {
  accessTokenLifetime: 'Access token lifetime',
  refreshTokenLifetime: 'Refresh token lifetime',
  idTokenLifetime: 'ID token lifetime',
};

const REFRESH_OPTIONS = [
  { value: 'on', label: 'Issue refresh tokens', description: 'With the authorization code and password grants, so your app can renew access without asking again.' },
  { value: 'off', label: 'No refresh tokens', description: 'Your app sends people through authorization again when the access token expires.' },
];

export function LifetimeFields({ register, values, errorFor, defaults }: FieldGroupProps & { defaults: Record<LifetimeField, string> }) {
  return (
    <>
      <div className="grid gap-4 sm:grid-cols-3">
        {LIFETIME_FIELDS.map((f) => {
          const error = errorFor(f);
          const { min, max } = LIFETIME_BOUNDS[f];
          return (
            <Field key={f} id={f} label={`${LIFETIME_LABELS[f]} (seconds)`} error={error} optional hint={`Blank: ${defaults[f]}. From ${min} to ${max.toLocaleString('en')}.`}>
              <Input
                id={f}
                inputMode="numeric"
                autoComplete="off"
                defaultValue={values[f]}
                aria-invalid={error ? true : undefined}
                aria-describedby={describedBy(f, error, true)}
                {...register(f)}
              />
            </Field>
          );
        })}
      </div>
      <fieldset>
        <legend className="text-sm font-medium text-slate-800">Refresh tokens</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <OptionCards type="radio" field="issueRefreshTokens" options={REFRESH_OPTIONS} checked={(v) => values.issueRefreshTokens === v} input={register('issueRefreshTokens')} />
        </div>
        <FieldError id="issueRefreshTokens-error" message={errorFor('issueRefreshTokens')} />
      </fieldset>
    </>
  );
}
