/** The form's "Redirects and origins" section: one value per line in each box. */
import type { FieldGroupProps } from './form-context';
import { TextareaField } from './form-parts';

/** The optional lists, each one value per line. */
const OPTIONAL_LISTS = [
  {
    id: 'postLogoutRedirectUris',
    label: 'Post-logout redirect URIs',
    hint: 'Where OpenID Connect logout may send people afterwards. One per line.',
    placeholder: 'https://app.example.com/signed-out',
  },
  {
    id: 'allowedOrigins',
    label: 'Allowed origins',
    hint: 'Web pages that call the token endpoint from the browser (CORS). One origin per line, no path.',
    placeholder: 'https://app.example.com',
  },
  {
    id: 'resources',
    label: 'Resource URIs',
    hint: 'If this application is an API: the resource indicators (RFC 8707) clients may request tokens for. One absolute URI per line.',
    placeholder: 'https://api.example.com/mcp',
  },
] as const;

export function RedirectFields({ register, values, errorFor }: FieldGroupProps) {
  return (
    <>
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
      {OPTIONAL_LISTS.map((list) => (
        <TextareaField
          key={list.id}
          id={list.id}
          label={list.label}
          optional
          hint={list.hint}
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
