'use client';
/**
 * What the account page's forms share (as the sign-in forms' useAuthForm): react-hook-form
 * validates with the zod schema in the browser, then the same FormData goes to the server
 * action, which validates again and answers field errors, a form error or a success message.
 * Without JavaScript the form posts to the action directly and the server's answer is shown.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';

export type AccountFormState = {
  ok: boolean;
  fieldErrors?: Record<string, string[] | undefined>;
  formError?: string;
  /** Shown after a success. */
  message?: string;
  /** What was typed (never a password), so a form re-rendered without JavaScript keeps it. */
  values?: Record<string, string>;
} | null;

export type AccountAction = (prev: AccountFormState, formData: FormData) => Promise<AccountFormState>;

const subscribe = () => () => {};

export function useAccountForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  action: AccountAction,
  defaultValues: DefaultValues<z.input<S>>,
  options: { resetOnSuccess?: boolean } = {},
) {
  const [state, formAction, pending] = useActionState(action, null);
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const initial = { ...defaultValues, ...state?.values } as DefaultValues<z.input<S>>;
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never),
    defaultValues: initial,
    mode: 'onSubmit',
  });
  const { setError, reset } = form;

  useEffect(() => {
    if (!state) return;
    if (state.ok && options.resetOnSuccess) reset(defaultValues);
    let first = true;
    for (const [name, messages] of Object.entries(state.fieldErrors ?? {})) {
      if (!messages?.[0]) continue;
      setError(name as Path<z.input<S>>, { type: 'server', message: messages[0] }, { shouldFocus: first });
      first = false;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new answer from the server
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(formEl)));
    })(event);
  };

  const errorFor = (name: Path<z.input<S>> & string): string | undefined => {
    const client = form.formState.errors[name]?.message;
    if (typeof client === 'string') return client;
    if (!hydrated) return state?.fieldErrors?.[name]?.[0];
    return undefined;
  };

  return {
    form,
    state,
    pending,
    errorFor,
    formProps: { action: formAction, onSubmit, noValidate: hydrated },
    initialValue: (name: Path<z.input<S>> & string) => {
      const v = (initial as Record<string, unknown>)[name];
      return { defaultValue: typeof v === 'string' ? v : undefined };
    },
  };
}
