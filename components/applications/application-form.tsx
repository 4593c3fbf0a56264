'use client';
/**
 * Register or edit an application. react-hook-form validates with `applicationSchema` in the
 * browser; the same FormData then goes to the server action, which validates it again and
 * applies the settings-dependent redirect URI rules. Its verdict appears beside the field.
 * Without JavaScript the form posts to the action directly and the server's answer is shown
 * (every input carries its value as a default for that case).
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { useLocale, useTranslations } from 'next-intl';
import Link from 'next/link';
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink, buttonClasses } from '@/components/ui/button';
import { FieldError } from '@/components/ui/field-error';
import { Spinner } from '@/components/ui/spinner';
import { NAME_MAX } from '@/lib/applications/options';
import {
  applicationSchema,
  type ApplicationData,
  type ApplicationFormField,
  type ApplicationFormState,
  type ApplicationFormValues,
} from '@/lib/applications/schema';
import { KeyFields } from './key-fields';
import { AdvancedFields } from './advanced-fields';
import type { FieldGroupProps } from './form-context';
import { OptionCards, Section, TextField } from './form-parts';
import { GrantTypeFields } from './grant-type-fields';
import { IdentityFields } from './identity-fields';
import { LifetimeFields, ScopeFields, type ScopeOption } from './policy-fields';
import type { LifetimeField } from '@/lib/applications/policy';
import { localizeApplicationError } from '@/lib/i18n/application-errors';
import { RedirectFields } from './redirect-fields';
import { SecretShownOnce } from './secret-shown-once';
import { useApplicationOptions } from './use-application-options';

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
  /** The server's scopes it may choose from, and what a blank lifetime means (the settings' seconds; null: no expiry). */
  policy: { scopes: ScopeOption[]; lifetimeSeconds: Record<LifetimeField, number | null> };
}) {
  const t = useTranslations('dashboard.form');
  const tc = useTranslations('dashboard.common');
  const tError = useTranslations('dashboard.errors');
  const locale = useLocale();
  const { clientTypes } = useApplicationOptions();
  // The rules speak English (lib/applications is shared with the CLI and registration); said again in the page's language.
  const localized = (message: string) => localizeApplicationError(message, locale, (key, values) => tError(key, values));
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
        title={mode === 'register' ? t('registered', { name: state.name }) : t('nowConfidential')}
        description={mode === 'register' ? t('registeredText') : t('nowConfidentialText')}
        clientId={state.clientId}
        clientSecret={state.clientSecret}
        keyAuthentication={state.keyAuthentication}
        sealed={state.secretSealed}
      >
        <ButtonLink href={basePath} variant="secondary">
          {t('allApplications')}
        </ButtonLink>
        <ButtonLink href={`${basePath}/${state.id}`}>{t('goToApplication')}</ButtonLink>
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
    if (typeof client === 'string') return localized(client);
    const server = !hydrated && state && !state.ok ? state.fieldErrors?.[name]?.[0] : undefined;
    return server === undefined ? undefined : localized(server);
  };
  const typeError = errorFor('clientType');
  const fields: FieldGroupProps = { register, values, errorFor };

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate={hydrated} className="space-y-6">
      {state && !state.ok && state.formError ? <Alert tone="error">{localized(state.formError)}</Alert> : null}

      <Section id="basics" title={t('basics')} description={t('basicsText')}>
        <TextField
          id="name"
          label={t('name')}
          error={errorFor('name')}
          hint={t('nameHint')}
          required
          maxLength={NAME_MAX}
          autoFocus={mode === 'register'}
          defaultValue={values.name}
          {...register('name')}
        />

        <fieldset aria-describedby={typeError ? 'clientType-error' : undefined}>
          <legend className="text-sm font-medium text-slate-800">{t('clientType')}</legend>
          <div className="mt-2 grid gap-3 sm:grid-cols-2">
            <OptionCards type="radio" field="clientType" options={clientTypes} checked={(v) => values.clientType === v} input={register('clientType')} />
          </div>
          <FieldError id="clientType-error" message={typeError} />
          {mode === 'update' && !typeError ? <p className="mt-2 text-sm text-slate-500">{t('clientTypeChange')}</p> : null}
        </fieldset>

        <IdentityFields {...fields} />
      </Section>

      <Section id="grant-types" title={t('grantTypes')} description={t('grantTypesText')}>
        <GrantTypeFields {...fields} />
      </Section>

      <Section id="redirects-and-origins" title={t('redirects')} description={t('redirectsText')}>
        <RedirectFields {...fields} />
      </Section>

      <Section id="scopes" title={t('scopes')} description={t('scopesText')}>
        <ScopeFields {...fields} options={policy.scopes} />
      </Section>

      <Section id="authentication-and-tokens" title={t('authentication')} description={t('authenticationText')}>
        <KeyFields {...fields} showKeys={!hydrated || (clientType === 'confidential' && authMethod === 'private_key_jwt')} />
      </Section>

      <Section id="advanced" title={t('advanced')}>
        <AdvancedFields {...fields} showPerMinute={!hydrated || rateLimitMode === 'custom'} />
        <LifetimeFields {...fields} defaults={policy.lifetimeSeconds} />
      </Section>

      <div className="flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
        <Link href={cancelHref} className={buttonClasses({ variant: 'secondary' })}>
          {tc('cancel')}
        </Link>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined} className="sm:min-w-44">
          {pending ? <Spinner /> : null}
          {mode === 'register' ? t('submitRegister') : t('submitUpdate')}
        </Button>
      </div>
    </form>
  );
}
