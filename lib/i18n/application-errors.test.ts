import { createTranslator } from 'use-intl/core';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { keysProblem } from '@/lib/applications/key-rules';
import { policyProblem } from '@/lib/applications/policy';
import { applicationProblem, deviceCodeLifetimeProblem, sentence, type Problem } from '@/lib/applications/rules';
import { applicationSchema, EMPTY_APPLICATION, type ApplicationFormValues } from '@/lib/applications/schema';
import { defaultSettings } from '@/lib/oauth/settings';
import { parseJwks } from '@/lib/oauth/client-jwks';
import { LOCALES } from './locales';
import { localizeApplicationError, matchApplicationError, type ApplicationErrorKey } from './application-errors';
import { CATALOGUES } from './messages';

const valid: ApplicationFormValues = { ...EMPTY_APPLICATION, name: 'Photo printer', redirectUris: 'https://client.example/cb' };
const keyed: Partial<ApplicationFormValues> = { tokenEndpointAuthMethod: 'private_key_jwt' };

/** What the form shows beside a field for these values (the browser's check and the server action's first one). */
function formMessages(values: Partial<ApplicationFormValues>): string[] {
  const parsed = applicationSchema.safeParse({ ...valid, ...values });
  if (parsed.success) return [];
  const { formErrors, fieldErrors } = z.flattenError(parsed.error);
  return [...formErrors, ...Object.values(fieldErrors).flat()].filter((m): m is string => typeof m === 'string');
}

const jwks = (keys: unknown[]) => JSON.stringify({ keys });

/** Every refusal the register and edit forms can show, each produced by the rule itself, not copied. */
function everyMessage(): string[] {
  const fromForm = [
    { name: '' },
    { name: 'x'.repeat(256) },
    { clientType: 'bogus' as never },
    { grantTypes: [] },
    { grantTypes: ['bogus' as never] },
    { redirectUris: 'x'.repeat(20_001) },
    { redirectUris: Array.from({ length: 51 }, (_, i) => `https://client.example/${i}`).join('\n') },
    { redirectUris: 'not a uri' },
    { redirectUris: 'https://client.example/cb#x' },
    { redirectUris: 'https://client.example/*' },
    { redirectUris: 'javascript:alert(1)' },
    { redirectUris: 'https://user:pw@client.example/cb' },
    { redirectUris: '', grantTypes: ['authorization_code' as const] },
    { clientType: 'public' as const, grantTypes: ['client_credentials' as const] },
    { clientType: 'public' as const, grantTypes: ['urn:ietf:params:oauth:grant-type:token-exchange' as const] },
    { grantTypes: ['implicit' as const], requireDpop: true },
    { allowedOrigins: 'https://client.example/path' },
    { resources: 'not a uri' },
    { resources: 'https://api.example/#x' },
    { algorithm: 'bogus' as never },
    { rateLimitMode: 'bogus' as never },
    { rateLimitMode: 'custom' as const, rateLimitPerMinute: '0' },
    { tokenEndpointAuthMethod: 'bogus' as never },
    { accessTokenFormat: 'bogus' as never },
    { allowedScopes: 'openid' as never },
    { allowedScopes: Array.from({ length: 101 }, (_, i) => `s${i}`) },
    { issueRefreshTokens: 'bogus' as never },
    { accessTokenLifetime: '1' },
    { refreshTokenLifetime: '1' },
    { idTokenLifetime: 'soon' },
    { backchannelLogoutUri: 'nope' },
    { backchannelLogoutUri: 'https://client.example/logout#x' },
    { backchannelLogoutUri: 'https://u:p@client.example/logout' },
    { backchannelLogoutUri: 'http://client.example/logout' },
    { ...keyed },
    { ...keyed, jwks: jwks([{ kty: 'EC' }]), jwksUri: 'https://client.example/jwks' },
    { ...keyed, jwks: 'nope' },
    { ...keyed, jwks: '[1]' },
    { ...keyed, jwks: '{}' },
    { ...keyed, jwks: jwks([]) },
    { ...keyed, jwks: jwks(Array.from({ length: 11 }, () => ({ kty: 'EC' }))) },
    { ...keyed, jwks: jwks([1]) },
    { ...keyed, jwks: jwks([{ kty: 'EC', d: 'secret' }]) },
    { ...keyed, jwks: jwks([{ kty: 'oct' }]) },
    { ...keyed, jwks: jwks([{ kty: 'EC', use: 'enc' }]) },
    { ...keyed, jwks: jwks([{ kty: 'EC', alg: 'HS256' }]) },
    { ...keyed, jwksUri: 'nope' },
    { ...keyed, jwksUri: 'http://client.example/jwks' },
    { ...keyed, jwksUri: 'https://u:p@client.example/jwks' },
    { ...keyed, jwksUri: 'https://client.example/jwks#x' },
  ].flatMap((values) => formMessages(values as Partial<ApplicationFormValues>));

  // The server's own checks (the service), as the server action's refusedBy words them.
  const settings = { ...defaultSettings, allowedRedirectUriSchemes: [] };
  const base = { name: 'Photo printer', clientType: 'confidential' as const, grantTypes: ['authorization_code'], redirectUris: ['https://client.example/cb'] };
  const problem = (p: Problem | null) => (p ? [sentence(p)] : []);
  const tooLong = parseJwks('x'.repeat(20_001));
  const fromServer = [
    ...problem(applicationProblem({ ...base, redirectUris: ['http://client.example/cb'] }, settings)),
    ...problem(applicationProblem({ ...base, redirectUris: ['myapp://cb'] }, settings)),
    ...problem(applicationProblem({ ...base, clientType: 'public', resourceServer: true }, settings)),
    ...problem(deviceCodeLifetimeProblem(1)),
    ...problem(policyProblem({ allowedScopes: ['photos'] }, settings)),
    ...problem(policyProblem({ allowedScopes: ['introspection'] }, settings)),
    ...problem(keysProblem({ clientType: 'public', tokenEndpointAuthMethod: 'client_secret_jwt' })),
    ...problem(keysProblem({ clientType: 'public', tokenEndpointAuthMethod: 'private_key_jwt' })),
    ...problem(keysProblem({ clientType: 'confidential', tokenEndpointAuthMethod: null, jwksUri: 'https://client.example/jwks' })),
    ...('problem' in tooLong ? [sentence({ message: tooLong.problem })] : []),
  ];
  return [...new Set([...fromForm, ...fromServer])];
}

const translator = (locale: (typeof LOCALES)[number]) => {
  const t = createTranslator({ locale, messages: CATALOGUES[locale] as never, namespace: 'dashboard.errors' as never });
  return (key: ApplicationErrorKey, values: Record<string, string | number>) => (t as unknown as (k: string, v: typeof values) => string)(key, values);
};

describe('the application form’s validation messages in the page’s language (lib/i18n/application-errors.ts)', () => {
  const messages = everyMessage();

  it('recognises every refusal the rules produce, and the English catalogue says each one back word for word', () => {
    const english = translator('en');
    const unknown = messages.filter((m) => !matchApplicationError(m));
    expect(unknown, 'messages no entry recognises (they would stay English)').toEqual([]);
    for (const m of messages) {
      const found = matchApplicationError(m)!;
      expect(english(found.key, found.values), m).toBe(m);
    }
  });

  it('has no entry that no rule produces (each entry is tested above)', () => {
    const used = new Set(messages.map((m) => matchApplicationError(m)?.key));
    const keys = Object.keys((CATALOGUES.en as { dashboard: { errors: Record<string, string> } }).dashboard.errors).filter((k) => k !== 'chooseOverlap');
    expect(keys.filter((k) => !used.has(k as ApplicationErrorKey))).toEqual([]);
  });

  it('passes English through untouched, and an unknown sentence through in English', () => {
    const never = () => 'translated';
    expect(localizeApplicationError('Name must not be empty', 'en', never)).toBe('Name must not be empty');
    expect(localizeApplicationError('A rule added later', 'de', never)).toBe('A rule added later');
  });

  it.each(LOCALES.filter((l) => l !== 'en'))('%s: says each one in its own words, keeping the URI, scope or key it names', (locale) => {
    const t = translator(locale);
    for (const m of messages) {
      const said = localizeApplicationError(m, locale, t);
      expect(said, m).not.toBe(m);
      const { values } = matchApplicationError(m, locale)!;
      for (const v of Object.values(values)) if (typeof v === 'string') expect(said, m).toContain(v);
    }
  });

  it('German: a number keeps its value in German digits, a URI stays as typed', () => {
    const t = translator('de');
    const said = (m: string) => localizeApplicationError(m, 'de', t);
    const lifetime = messages.find((m) => m.startsWith('The access token lifetime'))!;
    expect(said(lifetime)).toContain('604.800');
    const fragment = messages.find((m) => m.startsWith('https://client.example/cb#x'))!;
    expect(said(fragment)).toMatch(/^https:\/\/client\.example\/cb#x /);
  });
});
