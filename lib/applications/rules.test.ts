/** Each application rule once (issue 16): what it refuses and the field it names. */
import { describe, expect, it } from 'vitest';
import { GRANTS } from './options';
import { applicationProblem, confidentialGrantProblem, listProblem, nameProblem, rateLimitProblem, redirectUrisRequired, sentence } from './rules';

const settings = { allowedRedirectUriSchemes: [] as string[] };
const base = { name: 'App', clientType: 'confidential' as const, grantTypes: ['authorization_code'], redirectUris: ['https://a.example/cb'] };

describe('application rules', () => {
  it('RFC 6749 §3.1.2: the grants that redirect need a redirect URI, named from the grant table', () => {
    const redirecting = GRANTS.filter((g) => g.needsRedirect).map((g) => g.value);
    for (const g of redirecting) expect(redirectUrisRequired([g], [])).toEqual({ field: 'redirectUris', message: 'the authorization-code and implicit grants need at least one redirect URI' });
    expect(redirectUrisRequired(['client_credentials', 'password'], [])).toBeNull();
  });

  it('RFC 6749 §4.4: client credentials needs a confidential client', () => {
    expect(confidentialGrantProblem('public', ['client_credentials'])).toEqual({ field: 'grantTypes', message: 'client credentials needs a confidential client' });
    expect(confidentialGrantProblem('confidential', ['client_credentials'])).toBeNull();
  });

  it('names a list’s bad entry as typed, and bounds its size', () => {
    expect(listProblem('allowedOrigins', ['https://a.example/x'], null)).toEqual({ field: 'allowedOrigins', message: 'https://a.example/x is not an origin (scheme://host[:port], no path)', value: 'https://a.example/x' });
    expect(listProblem('resources', Array(21).fill('https://a.example'), null)).toEqual({ field: 'resources', message: 'at most 20 entries' });
  });

  it('redirect URIs: the shape alone in the browser, the settings on the server', () => {
    expect(listProblem('redirectUris', ['http://a.example/cb'], null)).toBeNull();
    expect(listProblem('redirectUris', ['http://a.example/cb'], settings)?.message).toMatch(/must use https/);
    expect(listProblem('redirectUris', ['com.example.app:/cb'], settings, 'public')).toBeNull();
  });

  it('names and rate limits', () => {
    expect(nameProblem('  ')).toEqual({ field: 'name', message: 'must not be empty' });
    expect(nameProblem('x'.repeat(256))?.message).toBe('must be at most 255 characters');
    expect(rateLimitProblem('0')?.field).toBe('rateLimit');
    expect(rateLimitProblem('5000')).toBeNull();
  });

  it('applicationProblem: the first problem, or null', () => {
    expect(applicationProblem(base, settings)).toBeNull();
    expect(applicationProblem({ ...base, redirectUris: [] }, settings)?.field).toBe('redirectUris');
    expect(applicationProblem({ ...base, resourceServer: true, clientType: 'public' }, settings)?.field).toBe('resourceServer');
    expect(applicationProblem({ ...base, rateLimit: 0 }, settings)).toBeNull();
  });

  it('a sentence on a page: capitalised, unless it starts with the entry it names', () => {
    expect(sentence({ message: 'client credentials needs a confidential client' })).toBe('Client credentials needs a confidential client');
    expect(sentence({ message: 'app.example is not an origin', value: 'app.example' })).toBe('app.example is not an origin');
  });
});
