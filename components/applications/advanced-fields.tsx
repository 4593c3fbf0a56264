/** The form's "Advanced" section: the ID token signing algorithm, two-factor sign-in, back-channel logout, the rate limit, "Require PAR" and "Require DPoP". */
import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field-error';
import { cn } from '@/lib/ui/utils';
import { describedBy, type FieldGroupProps } from './form-context';
import { CheckboxField, Field, OptionCards, TextField } from './form-parts';
import { useApplicationOptions } from './use-application-options';

export function AdvancedFields({ register, values, errorFor, showPerMinute }: FieldGroupProps & { showPerMinute: boolean }) {
  const t = useTranslations('dashboard.form');
  const { algorithms, rateLimitModes } = useApplicationOptions();
  return (
    <>
      <Field
        id="algorithm"
        label={t('algorithm')}
        error={errorFor('algorithm')}
        hint={t('algorithmHint')}
      >
        <select
          id="algorithm"
          defaultValue={values.algorithm}
          aria-invalid={errorFor('algorithm') ? true : undefined}
          aria-describedby={describedBy('algorithm', errorFor('algorithm'), true)}
          className={cn(
            'block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-xs sm:max-w-xs sm:text-sm',
            'focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none aria-invalid:border-red-500',
          )}
          {...register('algorithm')}
        >
          {algorithms.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </Field>
      <CheckboxField
        id="requireMfa"
        label={t('requireMfa')}
        hint={t('requireMfaHint')}
        defaultChecked={values.requireMfa}
        input={register('requireMfa')}
      />
      <TextField
        id="backchannelLogoutUri"
        label={t('backchannelLogoutUri')}
        optional
        error={errorFor('backchannelLogoutUri')}
        hint={t('backchannelLogoutUriHint')}
        type="url"
        placeholder="https://app.example.com/backchannel-logout"
        defaultValue={values.backchannelLogoutUri}
        {...register('backchannelLogoutUri')}
      />
      <CheckboxField
        id="backchannelLogoutSessionRequired"
        label={t('backchannelSid')}
        hint={t('backchannelSidHint')}
        defaultChecked={values.backchannelLogoutSessionRequired}
        input={register('backchannelLogoutSessionRequired')}
      />
      <fieldset aria-describedby="rateLimit-hint">
        <legend className="text-sm font-medium text-slate-800">{t('rateLimit')}</legend>
        <p id="rateLimit-hint" className="mt-0.5 text-sm text-slate-500">
          {t('rateLimitHint')}
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          <OptionCards type="radio" field="rateLimitMode" options={rateLimitModes} checked={(v) => values.rateLimitMode === v} input={register('rateLimitMode')} />
        </div>
        <FieldError id="rateLimitMode-error" message={errorFor('rateLimitMode')} />
        {/* Without JavaScript the number is always there; with it, only for a custom limit. */}
        {showPerMinute ? (
          <div className="mt-4 sm:max-w-xs">
            <TextField
              id="rateLimitPerMinute"
              label={t('requestsPerMinute')}
              error={errorFor('rateLimitPerMinute')}
              inputMode="numeric"
              placeholder={t('requestsPerMinutePlaceholder')}
              defaultValue={values.rateLimitPerMinute}
              {...register('rateLimitPerMinute')}
            />
          </div>
        ) : null}
      </fieldset>
      <CheckboxField
        id="requirePar"
        label={t('requirePar')}
        hint={t('requireParHint')}
        defaultChecked={values.requirePar}
        input={register('requirePar')}
      />
      <CheckboxField
        id="requireDpop"
        label={t('requireDpop')}
        hint={t('requireDpopHint')}
        defaultChecked={values.requireDpop}
        error={errorFor('requireDpop')}
        input={register('requireDpop')}
      />
    </>
  );
}
