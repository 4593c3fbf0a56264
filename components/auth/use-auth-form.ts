'use client';
/**
 * What the sign-in and sign-up forms share: react-hook-form validates with the zod schema
 * in the browser, then the same FormData goes to the server action (which validates again).
 * Without JavaScript the form posts to the action directly and the server's answer is shown.
 */
import { zodResolver } from '@hookform/resolvers/zod';
import { startTransition, useActionState, useEffect, useSyncExternalStore, type FormEvent } from 'react';
import { useForm, type FieldValues, type Path, type DefaultValues } from 'react-hook-form';
import type { z } from 'zod';
import type { AuthFormState } from '@/app/(auth)/actions';

type Action = (prev: AuthFormState, formData: FormData) => Promise<AuthFormState>;

const subscribe = () => () => {};

export function useAuthForm<S extends z.ZodType<FieldValues, FieldValues>>(
  schema: S,
  action: Action,
  defaultValues: DefaultValues<z.input<S>>,
) {
  const [state, formAction, pending] = useActionState(action, null);
  const hydrated = useSyncExternalStore(subscribe, () => true, () => false);
  const initial = { ...defaultValues, ...state?.values } as DefaultValues<z.input<S>>;
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(schema as never),
    defaultValues: initial,
    mode: 'onSubmit', // no errors for a field merely passed through; after a submit, re-checked as you type
  });
  const { setError, setValue } = form;

  // The server's verdict on the last submission (taken email, wrong password) beside its field.
  useEffect(() => {
    if (!state) return;
    let first = true;
    for (const [name, messages] of Object.entries(state.fieldErrors ?? {})) {
      if (!messages?.[0]) continue;
      setError(name as Path<z.input<S>>, { type: 'server', message: messages[0] }, { shouldFocus: first });
      first = false;
    }
    if (state.formError) setValue('password' as Path<z.input<S>>, '' as never);
  }, [state, setError, setValue]);

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
    if (!hydrated) return state?.fieldErrors?.[name as keyof NonNullable<AuthFormState>['fieldErrors']]?.[0];
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
