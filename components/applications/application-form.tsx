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
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink, buttonClasses } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Input } from '@/components/ui/input';
import { Spinner } from '@/components/ui/spinner';
import { CLIENT_TYPES, NAME_MAX } from '@/lib/applications/options';
import {
  applicationSchema,
  type ApplicationData,
  type ApplicationFormField,
  type ApplicationFormState,
  type ApplicationFormValues,
} from '@/lib/applications/schema';
import { KeyFields } from './key-fields';
import { AdvancedFields } from './advanced-fields';
import { describedBy, type FieldGroupProps } from './form-context';
import { Field, OptionCards, Section } from './form-parts';
import { GrantTypeFields } from './grant-type-fields';
import { IdentityFields } from './identity-fields';
import { LifetimeFields, ScopeFields, type ScopeOption } from './policy-fields';
import type { LifetimeField } from '@/lib/applications/policy';
import { RedirectFields } from './redirect-fields';
import { SecretShownOnce } from './secret-shown-once';

type Action = (prev: ApplicationFormState, formData: FormData) => Promise<ApplicationFormState>;

const subscribe = () => () => {};

export function ApplicationForm({
  action,
  defaultValues,
  mode,
  cancelHref,
  basePath = '/o/applications',
  policy,
}: {
  action: Action;
  defaultValues: ApplicationFormValues;
  mode: 'register' | 'update';
  cancelHref: string;
  /** Where the application pages live after a secret is shown: the dashboard's, or the console's (/admin/applications). */
  basePath?: string;
  /** The server's scopes it may choose from, and what a blank lifetime means (the settings). */
  policy: { scopes: ScopeOption[]; lifetimeDefaults: Record<LifetimeField, string> };
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
  const authMethod = useWatch({ control: form.control, name: 'tokenEndpointAuthMethod' });
  const clientType = useWatch({ control: form.control, name: 'clientType' });

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
        keyAuthentication={state.keyAuthentication}
        sealed={state.secretSealed}
      >
        <ButtonLink href={basePath} variant="secondary">
          All applications
        </ButtonLink>
        <ButtonLink href={`${basePath}/${state.id}`}>Go to the application</ButtonLink>
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
  const errorFor = (name: ApplicationFormField): string | undefined => {
    const client = formState.errors[name]?.message;
    if (typeof client === 'string') return client;
    if (!hydrated && state && !state.ok) return state.fieldErrors?.[name]?.[0];
    return undefined;
  };
  const typeError = errorFor('clientType');
  const fields: FieldGroupProps = { register, values, errorFor };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate={hydrated} className="space-y-6">
      {state && !state.ok && state.formError ? <Alert tone="error">{state.formError}</Alert> : null}

      <Section title="Basics" description="What people see when your app asks for access.">
        <Field id="name" label="Name" error={errorFor('name')} hint="Shown on the consent screen. Pick something people will recognise.">
          <Input
            id="name"
            autoComplete="off"
            required
            maxLength={NAME_MAX}
            autoFocus={mode === 'register'}
            defaultValue={values.name}
            aria-invalid={errorFor('name') ? true : undefined}
            aria-describedby={describedBy('name', errorFor('name'), true)}
            {...register('name')}
          />
        </Field>

        <fieldset aria-describedby={typeError ? 'clientType-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">Client type</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <OptionCards type="radio" field="clientType" options={CLIENT_TYPES} checked={(v) => values.clientType === v} input={register('clientType')} />
          </div>
          <FieldError id="clientType-error" message={typeError} />
          {mode === 'update' && !typeError ? (
            <p className="mt-2 text-sm text-slate-500">
              Changing to public removes the client secret; changing to confidential creates one, shown once.
            </p>
          ) : null}
        </fieldset>

        <IdentityFields {...fields} />
      </Section>

      <Section title="Grant types" description="How your app gets tokens. Choose at least one.">
        <GrantTypeFields {...fields} />
      </Section>

      <Section title="Redirects and origins" description="Where this server may send people back to, and which web pages may call it.">
        <RedirectFields {...fields} />
      </Section>

      <Section title="Scopes" description="What your app may ask for. A request for any other scope is refused.">
        <ScopeFields {...fields} options={policy.scopes} />
      </Section>

      <Section title="Authentication and tokens" description="How your app proves who it is, and what its access tokens look like.">
        <KeyFields {...fields} showKeys={!hydrated || (clientType === 'confidential' && authMethod === 'private_key_jwt')} />
      </Section>

      <Section title="Advanced">
        <AdvancedFields {...fields} showPerMinute={!hydrated || rateLimitMode === 'custom'} />
        <LifetimeFields {...fields} defaults={policy.lifetimeDefaults} />
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
