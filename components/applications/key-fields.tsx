/**
 * The form's "Authentication and tokens" section: how a confidential client authenticates
 * (client secret, or private key JWT with its public keys inline or by URL; RFC 7523) and the
 * access token format (opaque, or JWT; RFC 9068). Public clients authenticate with none.
 */
import { useTranslations } from 'next-intl';
import { FieldError } from '@/components/ui/field-error';
import type { FieldGroupProps } from './form-context';
import { OptionCards, TextField, TextareaField } from './form-parts';
import { useApplicationOptions } from './use-application-options';

export function KeyFields({ register, values, errorFor, showKeys }: FieldGroupProps & { showKeys: boolean }) {
  const t = useTranslations('dashboard.form');
  const { authMethods, tokenFormats } = useApplicationOptions();
  const methodError = errorFor('tokenEndpointAuthMethod');
  const formatError = errorFor('accessTokenFormat');
  return (
    <>
      <fieldset aria-describedby="tokenEndpointAuthMethod-hint">
        <legend className="text-sm font-medium text-slate-800">{t('authMethod')}</legend>
        <p id="tokenEndpointAuthMethod-hint" className="mt-0.5 text-sm text-slate-500">
          {t('authMethodHint')}
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <OptionCards
            type="radio"
            field="tokenEndpointAuthMethod"
            options={authMethods}
            checked={(v) => values.tokenEndpointAuthMethod === v}
            input={register('tokenEndpointAuthMethod')}
          />
        </div>
        <FieldError id="tokenEndpointAuthMethod-error" message={methodError} />
      </fieldset>
      {/* Without JavaScript the key fields are always there; with it, only for private key JWT. */}
      {showKeys ? (
        <>
          <TextareaField
            id="jwks"
            label={t('jwks')}
            optional
            hint={t('jwksHint')}
            placeholder={'{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "…", "x": "…", "y": "…" } ] }'}
            error={errorFor('jwks')}
            defaultValue={values.jwks}
            rows={4}
            {...register('jwks')}
          />
          <TextField
            id="jwksUri"
            label={t('jwksUri')}
            optional
            error={errorFor('jwksUri')}
            hint={t('jwksUriHint')}
            type="url"
            placeholder="https://app.example.com/.well-known/jwks.json"
            defaultValue={values.jwksUri}
            {...register('jwksUri')}
          />
        </>
      ) : null}
      <fieldset aria-describedby="accessTokenFormat-hint">
        <legend className="text-sm font-medium text-slate-800">{t('tokenFormat')}</legend>
        <p id="accessTokenFormat-hint" className="mt-0.5 text-sm text-slate-500">
          {t('tokenFormatHint')}
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <OptionCards type="radio" field="accessTokenFormat" options={tokenFormats} checked={(v) => values.accessTokenFormat === v} input={register('accessTokenFormat')} />
        </div>
        <FieldError id="accessTokenFormat-error" message={formatError} />
      </fieldset>
    </>
  );
}
