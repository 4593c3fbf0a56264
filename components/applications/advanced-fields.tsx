/** The form's "Advanced" section: the ID token signing algorithm, two-factor sign-in, back-channel logout, the rate limit, "Require PAR" and "Require DPoP". */
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { ALGORITHMS, RATE_LIMIT_MODES } from '@/lib/applications/options';
import { cn } from '@/lib/ui/utils';
import { describedBy, type FieldGroupProps } from './form-context';
import { CheckboxField, Field, OptionCards } from './form-parts';

export function AdvancedFields({ register, values, errorFor, showPerMinute }: FieldGroupProps & { showPerMinute: boolean }) {
  return (
    <>
      <Field
        id="algorithm"
        label="ID token signing algorithm (OpenID Connect)"
        error={errorFor('algorithm')}
        hint="Choose one to issue ID tokens when your app asks for the openid scope."
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
          {ALGORITHMS.map((a) => (
            <option key={a.value} value={a.value}>
              {a.label}
            </option>
          ))}
        </select>
      </Field>
      <CheckboxField
        id="requireMfa"
        label="Require two-factor sign-in"
        hint="People must have signed in with a passkey, or a password and an authenticator-app code, before this application gets a code. Others are asked for the second step first."
        defaultChecked={values.requireMfa}
        input={register('requireMfa')}
      />
      <Field
        id="backchannelLogoutUri"
        label="Back-channel logout URI"
        optional
        error={errorFor('backchannelLogoutUri')}
        hint="When someone who signed in to this application signs out here, this server POSTs a logout token (OpenID Connect Back-Channel Logout) to this URL. https, or http on localhost."
      >
        <Input
          id="backchannelLogoutUri"
          type="url"
          autoComplete="off"
          placeholder="https://app.example.com/backchannel-logout"
          defaultValue={values.backchannelLogoutUri}
          aria-invalid={errorFor('backchannelLogoutUri') ? true : undefined}
          aria-describedby={describedBy('backchannelLogoutUri', errorFor('backchannelLogoutUri'), true)}
          {...register('backchannelLogoutUri')}
        />
      </Field>
      <CheckboxField
        id="backchannelLogoutSessionRequired"
        label="Logout tokens must carry the session ID (sid)"
        hint="For applications that sign out one browser session rather than every session of the person. This server always sends sid."
        defaultChecked={values.backchannelLogoutSessionRequired}
        input={register('backchannelLogoutSessionRequired')}
      />
      <fieldset aria-describedby="rateLimit-hint">
        <legend className="text-sm font-medium text-slate-800">Rate limit</legend>
        <p id="rateLimit-hint" className="mt-0.5 text-sm text-slate-500">
          Requests per minute this application may make to the token, introspection and revocation endpoints, each counted separately.
        </p>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          <OptionCards type="radio" field="rateLimitMode" options={RATE_LIMIT_MODES} checked={(v) => values.rateLimitMode === v} input={register('rateLimitMode')} />
        </div>
        <FieldError id="rateLimitMode-error" message={errorFor('rateLimitMode')} />
        {/* Without JavaScript the number is always there; with it, only for a custom limit. */}
        {showPerMinute ? (
          <div className="mt-4 sm:max-w-xs">
            <Field id="rateLimitPerMinute" label="Requests per minute" error={errorFor('rateLimitPerMinute')}>
              <Input
                id="rateLimitPerMinute"
                inputMode="numeric"
                autoComplete="off"
                placeholder="e.g. 5000"
                defaultValue={values.rateLimitPerMinute}
                aria-invalid={errorFor('rateLimitPerMinute') ? true : undefined}
                aria-describedby={describedBy('rateLimitPerMinute', errorFor('rateLimitPerMinute'), false)}
                {...register('rateLimitPerMinute')}
              />
            </Field>
          </div>
        ) : null}
      </fieldset>
      <CheckboxField
        id="requirePar"
        label="Require PAR"
        hint="Your app must push each authorization request to /o/par first (RFC 9126), so its parameters cannot be changed in the browser."
        defaultChecked={values.requirePar}
        input={register('requirePar')}
      />
      <CheckboxField
        id="requireDpop"
        label="Require DPoP"
        hint="Your app must send a DPoP proof with every token request (RFC 9449), so its tokens are bound to its key and are useless to anyone who copies them."
        defaultChecked={values.requireDpop}
        error={errorFor('requireDpop')}
        input={register('requireDpop')}
      />
    </>
  );
}
