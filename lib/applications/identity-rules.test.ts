/** Issue 23: the one rule for an application's logo, home page, privacy policy and terms links (RFC 7591 §2). */
import { describe, expect, it } from 'vitest';
import { applicationProblem } from './rules';
import { IDENTITY_URI_MAX, identityMetadataChanges, identityProblem, identityUriProblem } from './identity-rules';
import { applicationFormValues, applicationSchema, EMPTY_APPLICATION } from './schema';

describe('RFC 7591 §2 logo_uri, client_uri, policy_uri, tos_uri: the identity rule', () => {
  it('accepts absolute https URLs, with a path, query, port or fragment', () => {
    for (const ok of ['https://app.example', 'https://app.example/', 'https://cdn.app.example:8443/logo.png?v=2', 'https://app.example/legal#privacy', 'HTTPS://App.Example/x']) {
      expect(identityUriProblem(ok), ok).toBeNull();
    }
  });

  it('refuses http and every other scheme: "must use https" for a web-like scheme, otherwise "not a URL"', () => {
    expect(identityUriProblem('http://app.example/logo.png')).toBe('https');
    expect(identityUriProblem('ftp://app.example/logo.png')).toBe('https');
    expect(identityUriProblem('javascript:alert(1)')).toBe('notUrl');
    expect(identityUriProblem('data:image/png;base64,AAAA')).toBe('notUrl');
    expect(identityUriProblem('mailto:privacy@app.example')).toBe('notUrl');
  });

  it('refuses what is not an absolute URL written out as https://host', () => {
    expect(identityUriProblem('app.example/logo.png')).toBe('notUrl');
    expect(identityUriProblem('/logo.png')).toBe('notUrl');
    expect(identityUriProblem('https://')).toBe('notUrl');
    // The parser would read these as https://app.example/: what is stored must be what is shown.
    expect(identityUriProblem('https:app.example')).toBe('notUrl');
    expect(identityUriProblem('https:\\\\app.example\\logo.png')).toBe('notUrl');
  });

  it('refuses a user name or password (https://trusted.example@evil.example/)', () => {
    expect(identityUriProblem('https://trusted.example@evil.example/')).toBe('credentials');
    expect(identityUriProblem('https://user:secret@app.example/')).toBe('credentials');
  });

  it('refuses spaces and control characters, which the parser would silently drop or escape', () => {
    expect(identityUriProblem(' https://app.example/')).toBe('spaces');
    expect(identityUriProblem('https://app.example/my logo.png')).toBe('spaces');
    expect(identityUriProblem('https://app.example/\tx')).toBe('spaces');
    expect(identityUriProblem('https://app.example/\u0085')).toBe('spaces');
  });

  it(`bounds the length at ${IDENTITY_URI_MAX} characters`, () => {
    const base = 'https://app.example/';
    expect(identityUriProblem(base + 'x'.repeat(IDENTITY_URI_MAX - base.length))).toBeNull();
    expect(identityUriProblem(base + 'x'.repeat(IDENTITY_URI_MAX - base.length + 1))).toBe('tooLong');
  });

  it('identityProblem: the first refused link by field, with a message that names no field; blank is none', () => {
    expect(identityProblem({ logoUri: '', clientUri: null, policyUri: undefined })).toBeNull();
    expect(identityProblem({ logoUri: 'https://a.example/l.png', tosUri: 'http://a.example/terms' })).toEqual({ field: 'tosUri', message: 'must use https' });
  });

  it('applicationProblem runs it with the other rules (the service, so the dashboard and the CLI)', () => {
    const app = { name: 'App', clientType: 'confidential' as const, grantTypes: ['client_credentials'], redirectUris: [] };
    expect(applicationProblem({ ...app, policyUri: 'https://a.example/privacy' }, { allowedRedirectUriSchemes: [] })).toBeNull();
    expect(applicationProblem({ ...app, policyUri: 'http://a.example/privacy' }, { allowedRedirectUriSchemes: [] })).toEqual({ field: 'policyUri', message: 'must use https' });
  });

  it('identityMetadataChanges: a link given is set, "" or null removes it, absent stays', () => {
    expect(identityMetadataChanges({ logoUri: 'https://a.example/l.png', clientUri: '', policyUri: null })).toEqual({ logo_uri: 'https://a.example/l.png', client_uri: null, policy_uri: null });
    expect(identityMetadataChanges({})).toEqual({});
  });
});

describe('the application form: the four fields', () => {
  const form = (values: Record<string, string>) => {
    const data = new FormData();
    for (const [k, v] of Object.entries({ ...EMPTY_APPLICATION, grantTypes: 'client_credentials', ...values })) if (typeof v === 'string') data.set(k, v);
    return applicationFormValues(data);
  };

  it('names the field in the message, as the form shows it beside the field', () => {
    const parsed = applicationSchema.safeParse(form({ name: 'App', logoUri: 'http://a.example/logo.png' }));
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.find((i) => i.path[0] === 'logoUri')?.message).toBe('Logo URL must use https');
  });

  it('trims what was typed and keeps blank as blank (none)', () => {
    const parsed = applicationSchema.safeParse(form({ name: 'App', clientUri: '  https://a.example  ', tosUri: '' }));
    expect(parsed.success).toBe(true);
    expect(parsed.data).toMatchObject({ clientUri: 'https://a.example', tosUri: '' });
  });

  it('a form without the fields (a page from before them) leaves the links as they are', () => {
    const data = new FormData();
    data.set('name', 'App');
    expect(applicationFormValues(data).logoUri).toBeUndefined();
  });
});
