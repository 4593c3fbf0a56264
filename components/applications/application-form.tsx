'use client';
/**
 * Register or edit an application. react-hook-form validates with `applicationSchema` in the
 * browser; the same FormData then goes to the server action, which validates it again and
 * applies the settings-dependent redirect URI rules. Its verdict appears beside the field.
 * Without JavaScript the form posts to the action directly and the server's answer is shown
 * (every input carries its value as a default for that case).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import Link from 'next/link';
import { startTransition, useActionState, useEffect, useSyncExternalStore, type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink, buttonClasses } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Spinner } from '@/components/ui/spinner';
import { cn } from '@/lib/ui/utils';
import {
  applicationSchema,
  type ApplicationData,
  type ApplicationField,
  type ApplicationFormState,
  type ApplicationFormValues,
} from '@/lib/validations/application';
import { SecretShownOnce } from './secret-shown-once';

type Action = (prev: ApplicationFormState, formData: FormData) => Promise<ApplicationFormState>;

const subscribe = () => () => {};

const GRANTS: { value: ApplicationFormValues['grantTypes'][number]; label: string; description: string; legacy?: boolean }[] = [
  {
    value: 'authorization_code',
    label: 'Authorization code',
    description: 'Recommended. People sign in here and approve; your app exchanges a one-time code (with PKCE) for tokens.',
  },
  {
    value: 'client_credentials',
    label: 'Client credentials',
    description: 'Machine to machine: your app calls APIs as itself, with no person involved. Confidential clients only.',
  },
  {
    value: 'implicit',
    label: 'Implicit',
    description: 'Returns tokens in the redirect URL, where browser history and referrers can leak them.',
    legacy: true,
  },
  {
    value: 'password',
    label: 'Resource owner password',
    description: 'Your app collects people’s passwords and sends them here.',
    legacy: true,
  },
];

const RATE_LIMITS: { value: ApplicationFormValues['rateLimitMode']; label: string; description: string }[] = [
  { value: 'default', label: 'Default', description: 'This server’s limits, the same for every application.' },
  { value: 'custom', label: 'Custom', description: 'Your own number of requests per minute.' },
  { value: 'none', label: 'No limit', description: 'Only for trusted, well-behaved clients.' },
];

const CLIENT_TYPES: { value: ApplicationFormValues['clientType']; label: string; description: string }[] = [
  { value: 'confidential', label: 'Confidential', description: 'Runs on a server that can keep a secret. Gets a client secret.' },
  { value: 'public', label: 'Public', description: 'A browser or mobile app that can’t keep a secret. Uses PKCE, no secret.' },
];

export function ApplicationForm({
  action,
  defaultValues,
  mode,
  cancelHref,
}: {
  action: Action;
  defaultValues: ApplicationFormValues;
  mode: 'register' | 'update';
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const values = state && !state.ok ? state.values : defaultValues;
  const form = useForm<ApplicationFormValues, unknown, ApplicationData>({
    resolver: zodResolver(applicationSchema),
    defaultValues: values,
    // Checked on submit, then as the person corrects a field. Not on blur: a message appearing
    // as focus leaves a field would push the submit button away from the pointer mid-click.
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const { register, setError, formState } = form;
  const rateLimitMode = useWatch({ control: form.control, name: 'rateLimitMode' });

  // The server's verdict on the last submission beside its field, the first one focused.
  useEffect(() => {
    if (!state || state.ok) return;
    let first = true;
    for (const [name, messages] of Object.entries(state.fieldErrors ?? {})) {
      if (!messages?.[0]) continue;
      setError(name as Path<ApplicationFormValues>, { type: 'server', message: messages[0] }, { shouldFocus: first });
      first = false;
    }
  }, [state, setError]);

  if (state?.ok) {
    return (
      <SecretShownOnce
        title={mode === 'register' ? `${state.name} is registered` : 'Your application is now confidential'}
        description={
          mode === 'register'
            ? 'Configure your app with these credentials to start an authorization.'
            : 'It has a client secret now. Configure your app with it to authenticate at the token endpoint.'
        }
        clientId={state.clientId}
        clientSecret={state.clientSecret}
      >
        <ButtonLink href="/o/applications" variant="secondary">
          All applications
        </ButtonLink>
        <ButtonLink href={`/o/applications/${state.id}`}>Go to the application</ButtonLink>
      </SecretShownOnce>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(formEl)));
    })(event);
  };

  /** The browser's check, else (before hydration, or for a field without an input) the server's. */
  const errorFor = (name: ApplicationField): string | undefined => {
    const client = formState.errors[name]?.message;
    if (typeof client === 'string') return client;
    if (!hydrated && state && !state.ok) return state.fieldErrors?.[name]?.[0];
    return undefined;
  };
  const described = (id: string, error: string | undefined, hint: boolean) =>
    [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;

  const grantsError = errorFor('grantTypes');
  const typeError = errorFor('clientType');

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate={hydrated} className="space-y-6">
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}

      <Section title="Basics" description="What people see when your app asks for access.">
        <Field id="name" label="Name" error={errorFor('name')} hint="Shown on the consent screen. Pick something people will recognise.">
          <Input
            id="name"
            autoComplete="off"
            required
            maxLength={255}
            autoFocus={mode === 'register'}
            defaultValue={values.name}
            aria-invalid={errorFor('name') ? true : undefined}
            aria-describedby={described('name', errorFor('name'), true)}
            {...register('name')}
          />
        </Field>

        <fieldset aria-describedby={typeError ? 'clientType-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">Client type</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            {CLIENT_TYPES.map((t) => (
              <OptionCard
                key={t.value}
                type="radio"
                id={`clientType-${t.value}`}
                label={t.label}
                description={t.description}
                value={t.value}
                defaultChecked={values.clientType === t.value}
                {...register('clientType')}
              />
            ))}
          </div>
          <FieldError id="clientType-error" message={typeError} />
          {mode === 'update' && !typeError ? (
            <p className="mt-2 text-sm text-slate-500">
              Changing to public removes the client secret; changing to confidential creates one, shown once.
            </p>
          ) : null}
        </fieldset>
      </Section>

      <Section title="Grant types" description="How your app gets tokens. Choose at least one.">
        <fieldset aria-describedby={grantsError ? 'grantTypes-error' : undefined}>
          <legend className="sr-only">Grant types</legend>
          <div className="space-y-3">
            {GRANTS.filter((g) => !g.legacy).map((g) => (
              <OptionCard
                key={g.value}
                type="checkbox"
                id={`grantTypes-${g.value}`}
                label={g.label}
                description={g.description}
                value={g.value}
                defaultChecked={values.grantTypes.includes(g.value)}
                {...register('grantTypes')}
              />
            ))}
          </div>
          <div className="mt-5 rounded-lg border border-amber-200 bg-amber-50/50 p-3 sm:p-4">
            <p id="legacy-note" className="flex items-start gap-2 text-sm text-amber-900">
              <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="mt-0.5 size-4 shrink-0">
                <path strokeLinecap="round" strokeLinejoin="round" d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />
              </svg>
              <span>
                <strong className="font-semibold">Legacy.</strong> RFC 9700 (OAuth 2.0 Security Best Current Practice) retires the implicit
                and password grants. Turn them on only to keep an existing client working.
              </span>
            </p>
            <div className="mt-3 space-y-3">
              {GRANTS.filter((g) => g.legacy).map((g) => (
                <OptionCard
                  key={g.value}
                  type="checkbox"
                  id={`grantTypes-${g.value}`}
                  label={g.label}
                  badge="Legacy"
                  description={g.description}
                  describedBy="legacy-note"
                  value={g.value}
                  defaultChecked={values.grantTypes.includes(g.value)}
                  {...register('grantTypes')}
                />
              ))}
            </div>
          </div>
          <FieldError id="grantTypes-error" message={grantsError} />
        </fieldset>
      </Section>

      <Section title="Redirects and origins" description="Where this server may send people back to, and which web pages may call it.">
        <TextareaField
          id="redirectUris"
          label="Redirect URIs"
          hint={
            <>
              One per line, compared exactly. Use https, or http only for <code>localhost</code> and <code>127.0.0.1</code>. No fragments
              (#), no wildcards (*).
            </>
          }
          placeholder={'https://app.example.com/callback\nhttp://127.0.0.1:8000/callback'}
          error={errorFor('redirectUris')}
          defaultValue={values.redirectUris}
          {...register('redirectUris')}
        />
        <TextareaField
          id="postLogoutRedirectUris"
          label="Post-logout redirect URIs"
          optional
          hint="Where OpenID Connect logout may send people afterwards. One per line."
          placeholder="https://app.example.com/signed-out"
          error={errorFor('postLogoutRedirectUris')}
          defaultValue={values.postLogoutRedirectUris}
          rows={2}
          {...register('postLogoutRedirectUris')}
        />
        <TextareaField
          id="allowedOrigins"
          label="Allowed origins"
          optional
          hint="Web pages that call the token endpoint from the browser (CORS). One origin per line, no path."
          placeholder="https://app.example.com"
          error={errorFor('allowedOrigins')}
          defaultValue={values.allowedOrigins}
          rows={2}
          {...register('allowedOrigins')}
        />
        <TextareaField
          id="resources"
          label="Resource URIs"
          optional
          hint="If this application is an API: the resource indicators (RFC 8707) clients may request tokens for. One absolute URI per line."
          placeholder="https://api.example.com/mcp"
          error={errorFor('resources')}
          defaultValue={values.resources}
          rows={2}
          {...register('resources')}
        />
      </Section>

      <Section title="Advanced">
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
            aria-describedby={described('algorithm', errorFor('algorithm'), true)}
            className={cn(
              'block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-xs sm:max-w-xs sm:text-sm',
              'focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none aria-invalid:border-red-500',
            )}
            {...register('algorithm')}
          >
            <option value="">None (OAuth 2.0 only)</option>
            <option value="RS256">RS256 (RSA)</option>
            <option value="ES256">ES256 (elliptic curve)</option>
          </select>
        </Field>
        <fieldset aria-describedby="rateLimit-hint">
          <legend className="text-sm font-medium text-slate-800">Rate limit</legend>
          <p id="rateLimit-hint" className="mt-0.5 text-sm text-slate-500">
            Requests per minute this application may make to the token, introspection and revocation endpoints, each counted separately.
          </p>
          <div className="mt-2 grid gap-3 sm:grid-cols-3">
            {RATE_LIMITS.map((r) => (
              <OptionCard
                key={r.value}
                type="radio"
                id={`rateLimitMode-${r.value}`}
                label={r.label}
                description={r.description}
                value={r.value}
                defaultChecked={values.rateLimitMode === r.value}
                {...register('rateLimitMode')}
              />
            ))}
          </div>
          <FieldError id="rateLimitMode-error" message={errorFor('rateLimitMode')} />
          {/* Without JavaScript the number is always there; with it, only for a custom limit. */}
          {!hydrated || rateLimitMode === 'custom' ? (
            <div className="mt-4 sm:max-w-xs">
              <Field id="rateLimitPerMinute" label="Requests per minute" error={errorFor('rateLimitPerMinute')}>
                <Input
                  id="rateLimitPerMinute"
                  inputMode="numeric"
                  autoComplete="off"
                  placeholder="e.g. 5000"
                  defaultValue={values.rateLimitPerMinute}
                  aria-invalid={errorFor('rateLimitPerMinute') ? true : undefined}
                  aria-describedby={described('rateLimitPerMinute', errorFor('rateLimitPerMinute'), false)}
                  {...register('rateLimitPerMinute')}
                />
              </Field>
            </div>
          ) : null}
        </fieldset>
      </Section>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Link href={cancelHref} className={buttonClasses({ variant: 'secondary' })}>
          Cancel
        </Link>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined} className="sm:min-w-44">
          {pending ? <Spinner /> : null}
          {mode === 'register' ? 'Register application' : 'Save changes'}
        </Button>
      </div>
    </form>
  );
}

function Section({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  const id = `section-${title.toLowerCase().replace(/\W+/g, '-')}`;
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

function Field({ id, label, hint, error, optional, children }: { id: string; label: string; hint?: ReactNode; error?: string; optional?: boolean; children: ReactNode }) {
  return (
    <div>
      <Label htmlFor={id}>
        {label}
        {optional ? <span className="ml-1.5 font-normal text-slate-500">optional</span> : null}
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

function TextareaField({
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
        aria-describedby={[error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined}
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
function OptionCard({
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
