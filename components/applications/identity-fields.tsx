'use client';
/**
 * Who the application is (issue 23): its logo, home page, privacy policy and terms of service,
 * which the consent page shows so people can tell who is asking. Part of the form's "Basics";
 * every link is optional, and the rule (lib/applications/identity-rules.ts) is the one the CLI
 * and dynamic registration apply. Its words are the `applicationIdentity` namespace
 * (messages/<locale>/identity.json); a refusal from the rule is shown in the page's language.
 */
import { useTranslations } from 'next-intl';
import { IDENTITY_FIELDS, IDENTITY_URI_MAX, IDENTITY_URI_PROBLEMS, type IdentityUriProblem } from '@/lib/applications/identity-rules';
import type { FieldGroupProps } from './form-context';
import { TextField } from './form-parts';

const PROBLEMS = Object.entries(IDENTITY_URI_PROBLEMS) as [IdentityUriProblem, string][];

export function IdentityFields({ register, values, errorFor }: FieldGroupProps) {
  const t = useTranslations('applicationIdentity');
  return (
    <div className="grid gap-6 sm:grid-cols-2 sm:gap-x-5">
      {IDENTITY_FIELDS.map(({ field }) => {
        const label = t(`${field}.label`);
        const raw = errorFor(field);
        // The rule's English sentence ("Logo URL must use https"), found by its ending and said in the page's language.
        const known = raw ? PROBLEMS.find(([, message]) => raw.toLowerCase().endsWith(message.toLowerCase())) : undefined;
        const error = known ? t(`problems.${known[0]}`, { field: label, max: IDENTITY_URI_MAX }) : raw;
        return (
          <TextField
            key={field}
            id={field}
            label={label}
            optional
            error={error}
            hint={t(`${field}.hint`)}
            type="url"
            inputMode="url"
            spellCheck={false}
            placeholder={t(`${field}.placeholder`)}
            defaultValue={values[field] ?? ''}
            {...register(field)}
          />
        );
      })}
    </div>
  );
}
