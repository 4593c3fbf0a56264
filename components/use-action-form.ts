'use client';
/**
 * What every form posting to a server action shares (sign-in, sign-up, password reset, the
 * account page): react-hook-form validates with the zod schema in the browser, then the same
 * FormData goes to the server action, which validates again and answers field errors, a form
 * error or (account page) a success message. Without JavaScript the form posts to the action
 * directly and the server's answer is shown.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';

/** What a server action answers a form with. */
export type ActionFormState = {
  ok: boolean;
  fieldErrors?: Partial<Record<string, string[] | undefined>>;
  formError?: string;
  /** Shown after a success (the account page). */
  message?: string;
  /** What was typed (never a password), so a form re-rendered without JavaScript keeps it. */
  values?: Partial<Record<string, string>>;
} | null;

export interface ActionFormOptions {
  /** Empty the form after a success (a password changed, a confirmation mail sent). */
  resetOnSuccess?: boolean;
  /** A field to empty when the server refuses the whole form (the password after a failed sign-in). */
  clearOnFormError?: string;
}

const subscribe = () => () => {};

export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, State extends ActionFormState>(
  schema: S,
  action: (prev: State, formData: FormData) => Promise<State>,
  defaultValues: DefaultValues<z.input<S>>,
  options: ActionFormOptions = {},
) {
  const [state, formAction, pending] = useActionState<State | null, FormData>(action as (prev: State | null, formData: FormData) => Promise<State>, null);
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const initial = { ...defaultValues, ...state?.values } as DefaultValues<z.input<S>>;
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never),
    defaultValues: initial,
    mode: 'onSubmit', // no errors for a field merely passed through; after a submit, re-checked as you type
  });
  const { setError, setValue, reset } = form;

  // The server's verdict on the last submission (taken email, wrong password) beside its field.
  useEffect(() => {
    if (!state) return;
    if (state.ok && options.resetOnSuccess) reset(defaultValues);
    let first = true;
    for (const [name, messages] of Object.entries(state.fieldErrors ?? {})) {
      if (!messages?.[0]) continue;
      setError(name as Path<z.input<S>>, { type: 'server', message: messages[0] }, { shouldFocus: first });
      first = false;
    }
    if (state.formError && options.clearOnFormError) setValue(options.clearOnFormError as Path<z.input<S>>, '' as never);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a new answer from the server
  }, [state]);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formEl = event.currentTarget;
    void form.handleSubmit(() => {
      startTransition(() => formAction(new FormData(formEl)));
    })(event);
  };

  /** The message to show under a field: the browser's check, else (before hydration) the server's. */
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
    /** Spread on <form>: posts to the action without JavaScript, validates first with it. */
    formProps: { action: formAction, onSubmit, noValidate: hydrated },
    /** Spread on an <input> after register(): its value in the server-rendered HTML (what was typed before). */
    initialValue: (name: Path<z.input<S>> & string) => {
      const v = (initial as Record<string, unknown>)[name];
      return { defaultValue: typeof v === 'string' ? v : undefined };
    },
  };
}
