/** The form's "Redirects and origins" section: one value per line in each box. */
import { useTranslations } from 'next-intl';
import type { FieldGroupProps } from './form-context';
import { TextareaField } from './form-parts';

/** The optional lists, each one value per line (label and hint: `dashboard.form.<id>`, `<id>Hint`). */
const OPTIONAL_LISTS = [
  { id: 'postLogoutRedirectUris', placeholder: 'https://app.example.com/signed-out' },
  { id: 'allowedOrigins', placeholder: 'https://app.example.com' },
  { id: 'resources', placeholder: 'https://api.example.com/mcp' },
] as const;

export function RedirectFields({ register, values, errorFor }: FieldGroupProps) {
  const t = useTranslations('dashboard.form');
  return (
    <>
      <TextareaField
        id="redirectUris"
        label={t('redirectUris')}
        hint={t.rich('redirectUrisHint', { code: (chunks) => <code>{chunks}</code> })}
        placeholder={'https://app.example.com/callback\nhttp://127.0.0.1:8000/callback'}
        error={errorFor('redirectUris')}
        defaultValue={values.redirectUris}
        {...register('redirectUris')}
      />
      {OPTIONAL_LISTS.map((list) => (
        <TextareaField
          key={list.id}
          id={list.id}
          label={t(list.id)}
          optional
          hint={t(`${list.id}Hint`)}
          placeholder={list.placeholder}
          error={errorFor(list.id)}
          defaultValue={values[list.id]}
          rows={2}
          {...register(list.id)}
        />
      ))}
    </>
  );
}
