/** The form's "Redirects and origins" section: one value per line in each box. */
import type { FieldGroupProps } from './form-context';
import { TextareaField } from './form-parts';

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
    </>
  );
}
