import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  applicationFormValues,
  applicationSchema,
  applicationToFormValues,
  EMPTY_APPLICATION,
  storedApplication,
  type ApplicationFormValues,
} from './schema';

const valid: ApplicationFormValues = { ...EMPTY_APPLICATION, name: 'Photo printer', redirectUris: 'https://client.example/cb' };

function errors(values: Partial<ApplicationFormValues>) {
  const parsed = applicationSchema.safeParse({ ...valid, ...values });
  return parsed.success ? {} : z.flattenError(parsed.error).fieldErrors;
}

describe('RFC 6749 §3.1.2 redirect URIs, one per line', () => {
  it('reads one URI per line, ignoring blank lines, spaces and CRLF', () => {
    const parsed = applicationSchema.parse({
      ...valid,
      redirectUris: '  https://client.example/cb \r\n\r\nhttp://127.0.0.1:8080/callback\n\n',
    });
    expect(parsed.redirectUris).toEqual(['https://client.example/cb', 'http://127.0.0.1:8080/callback']);
  });

  it('§3.1.2: refuses a fragment, naming the URI and the rule', () => {
    expect(errors({ redirectUris: 'https://client.example/cb\nhttps://client.example/cb#section' }).redirectUris).toEqual([
      'https://client.example/cb#section must not contain a fragment (#)',
    ]);
  });

  it('RFC 9700 §4.1.3: refuses wildcards (redirect URIs are matched exactly)', () => {
    expect(errors({ redirectUris: 'https://*.client.example/cb' }).redirectUris?.[0]).toMatch(/must not contain wildcards/);
  });

  it('refuses a relative URI', () => {
    expect(errors({ redirectUris: '/cb' }).redirectUris?.[0]).toBe('/cb is not an absolute URI');
  });

  it('refuses javascript: URIs', () => {
    expect(errors({ redirectUris: 'javascript:alert(1)' }).redirectUris?.[0]).toMatch(/never allowed/);
  });

  it('checks post-logout redirect URIs the same way', () => {
    expect(errors({ postLogoutRedirectUris: 'https://client.example/bye#x' }).postLogoutRedirectUris?.[0]).toMatch(
      /must not contain a fragment \(#\)/,
    );
  });

  it('needs a redirect URI for the authorization code grant, not for client credentials alone', () => {
    expect(errors({ redirectUris: '' }).redirectUris?.[0]).toMatch(/at least one redirect URI/);
    expect(errors({ redirectUris: '', grantTypes: ['client_credentials'] })).toEqual({});
  });
});

describe('the rest of the form', () => {
  it('accepts a complete application', () => {
    expect(
      applicationSchema.parse({
        ...valid,
        allowedOrigins: 'https://app.example\nhttp://localhost:5173',
        postLogoutRedirectUris: 'https://client.example/bye',
        algorithm: 'RS256',
      }),
    ).toMatchObject({
      name: 'Photo printer',
      allowedOrigins: ['https://app.example', 'http://localhost:5173'],
      postLogoutRedirectUris: ['https://client.example/bye'],
      algorithm: 'RS256',
    });
  });

  it('needs a name and at least one grant type', () => {
    expect(errors({ name: '   ' }).name).toBeDefined();
    expect(errors({ grantTypes: [] }).grantTypes).toEqual(['Choose at least one grant type']);
  });

  it('refuses an origin with a path', () => {
    expect(errors({ allowedOrigins: 'https://app.example/path' }).allowedOrigins?.[0]).toMatch(/is not an origin/);
  });

  it('RFC 6749 §4.4: client credentials needs a confidential client', () => {
    expect(errors({ clientType: 'public', grantTypes: ['client_credentials'] }).grantTypes?.[0]).toMatch(/confidential/);
  });

  it('refuses an unknown signing algorithm', () => {
    expect(errors({ algorithm: 'HS256' as never }).algorithm).toBeDefined();
  });
});

/** A submitted form: each pair one input, a name given twice being several checkboxes of that name. */
function submitted(entries: [string, string][]): FormData {
  const fd = new FormData();
  for (const [name, value] of entries) fd.append(name, value);
  return fd;
}

describe('FormData as the server action receives it', () => {
  it('reads several grant type checkboxes', () => {
    const fd = submitted([
      ['name', 'CLI'],
      ['clientType', 'confidential'],
      ['grantTypes', 'authorization_code'],
      ['grantTypes', 'client_credentials'],
      ['redirectUris', 'https://a.example/cb'],
      ['algorithm', ''],
    ]);
    const values = applicationFormValues(fd);
    expect(values.grantTypes).toEqual(['authorization_code', 'client_credentials']);
    expect(applicationSchema.safeParse(values).success).toBe(true);
  });

  it('issue 15 item 1: a crafted skipAuthorization=on is not read: only operators set it', () => {
    const fd = submitted([
      ['name', 'Evil'],
      ['clientType', 'confidential'],
      ['grantTypes', 'authorization_code'],
      ['redirectUris', 'https://evil.example/cb'],
      ['skipAuthorization', 'on'],
    ]);
    const values = applicationFormValues(fd);
    expect(values).not.toHaveProperty('skipAuthorization');
    const parsed = applicationSchema.parse({ ...values, skipAuthorization: true } as never);
    expect(parsed).not.toHaveProperty('skipAuthorization');
  });

  it('round-trips a stored application through the edit form', () => {
    const stored = {
      name: 'A',
      clientType: 'public' as const,
      grantTypes: ['authorization_code', 'refresh_token'],
      redirectUris: ['https://a.example/cb', 'https://a.example/cb2'],
      postLogoutRedirectUris: [],
      allowedOrigins: ['https://a.example'],
      algorithm: 'ES256',
    };
    const form = applicationToFormValues(stored);
    expect(form.redirectUris).toBe('https://a.example/cb\nhttps://a.example/cb2');
    expect(form.grantTypes).toEqual(['authorization_code']);
    expect(applicationSchema.parse(form)).toMatchObject({ redirectUris: stored.redirectUris, allowedOrigins: stored.allowedOrigins });
  });
});

describe("an application's rate limit (rate_limit: null = the settings', 0 = none)", () => {
  const stored = (values: Partial<ApplicationFormValues>) => storedApplication(applicationSchema.parse({ ...valid, ...values })).rateLimit;
  it('stores the default as null, no limit as 0 and a custom limit as its number', () => {
    expect(stored({ rateLimitMode: 'default', rateLimitPerMinute: '500' })).toBeNull();
    expect(stored({ rateLimitMode: 'none' })).toBe(0);
    expect(stored({ rateLimitMode: 'custom', rateLimitPerMinute: ' 5000 ' })).toBe(5000);
  });
  it.each(['', '0', '1.5', '-3', 'lots', '1000001'])('refuses a custom limit of "%s"', (perMinute) => {
    expect(errors({ rateLimitMode: 'custom', rateLimitPerMinute: perMinute }).rateLimitPerMinute).toEqual([
      'Enter a whole number of requests per minute, from 1 to 1,000,000',
    ]);
  });
  it('refuses an unknown mode', () => {
    expect(errors({ rateLimitMode: 'unlimited' as never }).rateLimitMode).toEqual(['Choose the default, a custom limit or no limit']);
  });
  it('round-trips through the edit form', () => {
    const base = { name: 'a', clientType: 'confidential' as const, grantTypes: [], redirectUris: [], postLogoutRedirectUris: [], allowedOrigins: [], skipAuthorization: false, algorithm: '' };
    expect(applicationToFormValues({ ...base, rateLimit: null })).toMatchObject({ rateLimitMode: 'default', rateLimitPerMinute: '' });
    expect(applicationToFormValues({ ...base, rateLimit: 0 })).toMatchObject({ rateLimitMode: 'none' });
    expect(applicationToFormValues({ ...base, rateLimit: 90 })).toMatchObject({ rateLimitMode: 'custom', rateLimitPerMinute: '90' });
  });
  it('a submitted form without the field keeps the default', () => {
    expect(applicationFormValues(submitted([])).rateLimitMode).toBe('default');
  });
});
