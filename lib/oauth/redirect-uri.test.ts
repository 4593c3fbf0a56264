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
  it('RFC 8252 §7.1: private-use schemes only when listed', () => {
    expect(redirectUriProblem('com.example.app:/cb', https)).toMatch(/OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES/);
    expect(redirectUriProblem('com.example.app:/cb', { allowedRedirectUriSchemes: ['https', 'com.example.app'] })).toBeNull();
  });
});

describe('RFC 6749 §3.1.2.3 matching', () => {
  it('is exact string comparison', () => {
    expect(matchRedirectUri('https://app.example/cb', ['https://app.example/cb'])).toBe(true);
    expect(matchRedirectUri('https://app.example/cb/', ['https://app.example/cb'])).toBe(false);
    expect(matchRedirectUri('https://app.example/cb?x=1', ['https://app.example/cb'])).toBe(false);
    expect(matchRedirectUri('https://APP.example/cb', ['https://app.example/cb'])).toBe(false);
  });
  it('RFC 8252 §7.3: loopback IPs match on any port, not localhost names or other paths', () => {
    expect(matchRedirectUri('http://127.0.0.1:4242/cb', ['http://127.0.0.1/cb'])).toBe(true);
    expect(matchRedirectUri('http://[::1]:4242/cb', ['http://[::1]:1/cb'])).toBe(true);
    expect(matchRedirectUri('http://127.0.0.1:4242/other', ['http://127.0.0.1/cb'])).toBe(false);
    expect(matchRedirectUri('http://localhost:4242/cb', ['http://localhost/cb'])).toBe(false);
  });
});
