import { describe, expect, it } from 'vitest';
import { matchRedirectUri, redirectUriProblem } from './redirect-uri';

const https = { allowedRedirectUriSchemes: ['https'] };

describe('RFC 9700 §2.1: registering redirect URIs', () => {
  it('accepts https and loopback http', () => {
    expect(redirectUriProblem('https://app.example/cb', https)).toBeNull();
    expect(redirectUriProblem('http://127.0.0.1:8080/cb', https)).toBeNull();
    expect(redirectUriProblem('http://localhost/cb', https)).toBeNull();
    expect(redirectUriProblem('http://[::1]/cb', https)).toBeNull();
  });
  it('refuses plain http elsewhere unless the operator adds http', () => {
    expect(redirectUriProblem('http://app.example/cb', https)).toMatch(/https/);
    expect(redirectUriProblem('http://app.example/cb', { allowedRedirectUriSchemes: ['https', 'http'] })).toBeNull();
  });
  it('refuses fragments, wildcards and dangerous schemes', () => {
    expect(redirectUriProblem('https://app.example/cb#x', https)).toMatch(/fragment/);
    expect(redirectUriProblem('https://*.example/cb', https)).toMatch(/wildcard/);
    expect(redirectUriProblem('javascript:alert(1)', { allowedRedirectUriSchemes: ['https', 'javascript'] })).toMatch(/never/);
  });
  it('RFC 8252 §7.1: private-use schemes for a web (confidential) client only when listed', () => {
    expect(redirectUriProblem('com.example.app:/cb', https)).toMatch(/OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES/);
    expect(redirectUriProblem('com.example.app:/cb', { allowedRedirectUriSchemes: ['https', 'com.example.app'] })).toBeNull();
  });
  it('RFC 8252 §7.1: a native (public) client may use private-use schemes without the operator listing them', () => {
    const native = { native: true };
    expect(redirectUriProblem('cursor://anysphere.cursor-retrieval/oauth/callback', https, native)).toBeNull();
    expect(redirectUriProblem('vscode://vscode.github-authentication/did-authenticate', https, native)).toBeNull();
    expect(redirectUriProblem('com.example.app:/oauth2redirect', https, native)).toBeNull();
  });
  it('RFC 8252 §8.3 / RFC 9700 §2.1: a native client still may not use plain http off loopback', () => {
    expect(redirectUriProblem('http://app.example/cb', https, { native: true })).toMatch(/https/);
  });
  it('RFC 9700 §4.1: javascript:, data:, file:, vbscript:, about:, blob: and friends are refused for every client', () => {
    for (const uri of ['javascript:alert(1)', 'data:text/html,hi', 'file:///etc/passwd', 'vbscript:msgbox', 'about:blank', 'blob:https://a.example/x', 'view-source:https://a.example/']) {
      const scheme = uri.slice(0, uri.indexOf(':'));
      expect(redirectUriProblem(uri, { allowedRedirectUriSchemes: ['https', scheme] }, { native: true }), uri).toMatch(/never allowed/);
    }
  });
  it('refuses credentials in the URI', () => {
    expect(redirectUriProblem('https://user:pw@app.example/cb', https)).toMatch(/user name/);
  });
});

describe('RFC 6749 §3.1.2.3 matching', () => {
  it('is exact string comparison', () => {
    expect(matchRedirectUri('https://app.example/cb', ['https://app.example/cb'])).toBe(true);
    expect(matchRedirectUri('https://app.example/cb/', ['https://app.example/cb'])).toBe(false);
    expect(matchRedirectUri('https://app.example/cb?x=1', ['https://app.example/cb'])).toBe(false);
    expect(matchRedirectUri('https://APP.example/cb', ['https://app.example/cb'])).toBe(false);
  });
  it('RFC 8252 §7.3: http loopback (127.0.0.1, [::1], localhost) matches on any port, not other paths or hosts', () => {
    expect(matchRedirectUri('http://127.0.0.1:4242/cb', ['http://127.0.0.1/cb'])).toBe(true);
    expect(matchRedirectUri('http://[::1]:4242/cb', ['http://[::1]:1/cb'])).toBe(true);
    expect(matchRedirectUri('http://localhost:4242/callback', ['http://localhost/callback'])).toBe(true);
    expect(matchRedirectUri('http://127.0.0.1:4242/other', ['http://127.0.0.1/cb'])).toBe(false);
    expect(matchRedirectUri('http://localhost:4242/cb', ['http://127.0.0.1/cb'])).toBe(false);
    expect(matchRedirectUri('http://127.0.0.1:4242/cb?x=1', ['http://127.0.0.1/cb'])).toBe(false);
  });
  it('RFC 8252 §7.3: only http loopback ignores the port; https and private-use schemes match exactly', () => {
    expect(matchRedirectUri('https://localhost:4242/cb', ['https://localhost/cb'])).toBe(false);
    expect(matchRedirectUri('cursor://anysphere.cursor-retrieval/oauth/callback', ['cursor://anysphere.cursor-retrieval/oauth/callback'])).toBe(true);
    expect(matchRedirectUri('cursor://anysphere.cursor-retrieval/oauth/callback2', ['cursor://anysphere.cursor-retrieval/oauth/callback'])).toBe(false);
  });
});
