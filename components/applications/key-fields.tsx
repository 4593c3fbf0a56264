/**
 * The form's "Authentication and tokens" section: how a confidential client authenticates
 * (client secret, or private key JWT with its public keys inline or by URL; RFC 7523) and the
 * access token format (opaque, or JWT; RFC 9068). Public clients authenticate with none.
 */
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { ACCESS_TOKEN_FORMATS, AUTH_METHOD_OPTIONS } from '@/lib/applications/key-rules';
import { describedBy, type FieldGroupProps } from './form-context';
import { Field, OptionCards, TextareaField } from './form-parts';

export function KeyFields({ register, values, errorFor, showKeys }: FieldGroupProps & { showKeys: boolean }) {
  const methodError = errorFor('tokenEndpointAuthMethod');
  const formatError = errorFor('accessTokenFormat');
  return (
    <>
      <fieldset aria-describedby="tokenEndpointAuthMethod-hint">
        <legend className="text-sm font-medium text-slate-800">Authentication method</legend>
        <p id="tokenEndpointAuthMethod-hint" className="mt-0.5 text-sm text-slate-500">
          How a confidential client proves who it is at the token endpoint. Public clients send their client ID alone (none).
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <OptionCards
            type="radio"
            field="tokenEndpointAuthMethod"
            options={AUTH_METHOD_OPTIONS}
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
            label="Public keys (JWKS)"
            optional
            hint="Your client's public signing keys as a JSON Web Key Set. Never paste a private key. Or give a JWKS URI instead."
            placeholder={'{ "keys": [ { "kty": "EC", "crv": "P-256", "kid": "…", "x": "…", "y": "…" } ] }'}
            error={errorFor('jwks')}
            defaultValue={values.jwks}
            rows={4}
            {...register('jwks')}
          />
          <Field id="jwksUri" label="JWKS URI" optional error={errorFor('jwksUri')} hint="An https URL serving your JWKS; fetched when needed and cached, so you can rotate keys there.">
            <Input
              id="jwksUri"
              type="url"
              autoComplete="off"
              placeholder="https://app.example.com/.well-known/jwks.json"
              defaultValue={values.jwksUri}
              aria-invalid={errorFor('jwksUri') ? true : undefined}
              aria-describedby={describedBy('jwksUri', errorFor('jwksUri'), true)}
              {...register('jwksUri')}
            />
          </Field>
        </>
      ) : null}
      <fieldset aria-describedby="accessTokenFormat-hint">
        <legend className="text-sm font-medium text-slate-800">Access token format</legend>
        <p id="accessTokenFormat-hint" className="mt-0.5 text-sm text-slate-500">
          A revoked JWT still verifies at an API that only checks the signature, until it expires.
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <OptionCards type="radio" field="accessTokenFormat" options={ACCESS_TOKEN_FORMATS} checked={(v) => values.accessTokenFormat === v} input={register('accessTokenFormat')} />
        </div>
        <FieldError id="accessTokenFormat-error" message={formatError} />
      </fieldset>
    </>
  );
}
