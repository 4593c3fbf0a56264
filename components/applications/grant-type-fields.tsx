/** The grant type checkboxes: the current grants, then the legacy ones in a box that says why they are legacy (RFC 9700). */
import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field-error';
import type { FieldGroupProps } from './form-context';
import { OptionCards } from './form-parts';
import { useApplicationOptions } from './use-application-options';

export function GrantTypeFields({ register, values, errorFor }: FieldGroupProps) {
  const t = useTranslations('dashboard.form');
  const { grants } = useApplicationOptions();
  const grantsError = errorFor('grantTypes');
  const checked = (value: string) => (values.grantTypes as readonly string[]).includes(value);
  return (
    <fieldset aria-describedby={grantsError ? 'grantTypes-error' : undefined}>
      <legend className="sr-only">{t('grantTypes')}</legend>
      <div className="space-y-3">
        <OptionCards type="checkbox" field="grantTypes" options={grants.filter((g) => !g.legacy)} checked={checked} input={register('grantTypes')} />
      </div>
      <div className="mt-5 rounded-lg border border-amber-200 bg-amber-50/50 p-3 sm:p-4">
        <p id="legacy-note" className="flex items-start gap-2 text-sm text-amber-900">
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="mt-0.5 size-4 shrink-0">
            <path strokeLinecap="round" strokeLinejoin="round" d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
          </svg>
          <span>{t.rich('legacyNote', { b: (chunks) => <strong className="font-semibold">{chunks}</strong> })}</span>
        </p>
        <div className="mt-3 space-y-3">
          <OptionCards
            type="checkbox"
            field="grantTypes"
            options={grants.filter((g) => g.legacy)}
            checked={checked}
            badge={t('legacyBadge')}
            describedBy="legacy-note"
            input={register('grantTypes')}
          />
        </div>
      </div>
      <FieldError id="grantTypes-error" message={grantsError} />
    </fieldset>
  );
}
