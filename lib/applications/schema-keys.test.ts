/** The application form's key fields (RFC 7523 private_key_jwt) and token format (RFC 9068), as the schema reads them. */
import { describe, expect, it } from 'vitest';
import { applicationSchema, EMPTY_APPLICATION, storedApplication, type ApplicationFormValues } from './schema';

const base: ApplicationFormValues = { ...EMPTY_APPLICATION, name: 'Batch', grantTypes: ['client_credentials'] };
const PUBLIC_KEY = { kty: 'EC', crv: 'P-256', x: 'f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU', y: 'x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0', kid: 'k1' };

const errors = (values: ApplicationFormValues) => {
  const parsed = applicationSchema.safeParse(values);
  return parsed.success ? {} : Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.'), i.message]));
};

describe('application form: authentication method and token format', () => {
  it('defaults to a client secret and opaque tokens: no keys stored', () => {
    const parsed = applicationSchema.parse(base);
    expect(storedApplication(parsed)).toMatchObject({ tokenEndpointAuthMethod: null, jwks: null, jwksUri: null, accessTokenFormat: 'opaque' });
  });

  it('private key JWT with a JWKS: stored parsed', () => {
    const parsed = applicationSchema.parse({ ...base, tokenEndpointAuthMethod: 'private_key_jwt', jwks: JSON.stringify({ keys: [PUBLIC_KEY] }), accessTokenFormat: 'jwt' });
    expect(storedApplication(parsed)).toMatchObject({ tokenEndpointAuthMethod: 'private_key_jwt', jwks: { keys: [PUBLIC_KEY] }, jwksUri: null, accessTokenFormat: 'jwt' });
  });

  it('says what is wrong beside the field', () => {
    const keyed = { ...base, tokenEndpointAuthMethod: 'private_key_jwt' as const };
    expect(errors(keyed).jwks).toMatch(/^Private key JWT needs the client's public keys/);
    expect(errors({ ...keyed, jwks: '{not json' }).jwks).toBe('Is not valid JSON');
    expect(errors({ ...keyed, jwks: JSON.stringify({ keys: [{ ...PUBLIC_KEY, d: 'secret' }] }) }).jwks).toMatch(/private or symmetric key/);
    expect(errors({ ...keyed, jwksUri: 'http://app.example/jwks' }).jwksUri).toBe('http://app.example/jwks must be an https URL');
    expect(errors({ ...keyed, jwksUri: 'https://app.example/jwks', jwks: JSON.stringify({ keys: [PUBLIC_KEY] }) }).jwks).toMatch(/not both/);
  });

  it('a public client keeps no keys, whatever the hidden fields say', () => {
    const parsed = applicationSchema.parse({ ...base, clientType: 'public', grantTypes: ['authorization_code'], redirectUris: 'https://app.example/cb', tokenEndpointAuthMethod: 'private_key_jwt', jwksUri: 'https://app.example/jwks' });
    expect(storedApplication(parsed)).toMatchObject({ tokenEndpointAuthMethod: null, jwks: null, jwksUri: null });
  });
});
