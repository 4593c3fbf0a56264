import { describe, expect, it } from 'vitest';
import { parseSettings } from './settings';

describe('settings from OAUTH2_* environment variables', () => {
  it('has DOT’s defaults', () => {
    const s = parseSettings({});
    expect(s.accessTokenExpireSeconds).toBe(36000);
    expect(s.authorizationCodeExpireSeconds).toBe(60);
    expect(s.rotateRefreshToken).toBe(true);
    expect(Object.keys(s.scopes)).toEqual(['read', 'write', 'introspection', 'openid', 'profile', 'email', 'roles']);
    expect(Object.isFrozen(s)).toBe(true);
  });
  it('reads each value', () => {
    const s = parseSettings({
      OAUTH2_ACCESS_TOKEN_EXPIRE_SECONDS: '60',
      OAUTH2_ROTATE_REFRESH_TOKEN: 'false',
      OAUTH2_SCOPES: '{"read":"Read","admin":"Administer"}',
      OAUTH2_DEFAULT_SCOPES: 'read',
      OAUTH2_REQUEST_APPROVAL_PROMPT: 'auto',
      OAUTH2_ISSUER: 'https://auth.example/',
    });
    expect(s).toMatchObject({ accessTokenExpireSeconds: 60, rotateRefreshToken: false, defaultScopes: ['read'], requestApprovalPrompt: 'auto', issuer: 'https://auth.example' });
    expect(s.scopes.admin).toBe('Administer');
  });
  it('reads remote resource-server mode (DOT’s OAUTH2_RESOURCE_SERVER_*)', () => {
    const s = parseSettings({
      OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL: 'https://as.example/o/introspect',
      OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS: 'rs:secret:with:colons',
      OAUTH2_RESOURCE_SERVER_TOKEN_CACHING_SECONDS: '30',
    });
    expect(s.resourceServer).toEqual({ introspectionUrl: 'https://as.example/o/introspect', authToken: null, credentials: { clientId: 'rs', clientSecret: 'secret:with:colons' }, cachingSeconds: 30 });
  });
  it.each([
    [{ OAUTH2_ACCESS_TOKEN_EXPIRE_SECONDS: 'ten' }, /^OAUTH2_ACCESS_TOKEN_EXPIRE_SECONDS: expected a whole number/],
    [{ OAUTH2_ROTATE_REFRESH_TOKEN: 'maybe' }, /^OAUTH2_ROTATE_REFRESH_TOKEN: expected true or false/],
    [{ OAUTH2_REQUEST_APPROVAL_PROMPT: 'sometimes' }, /^OAUTH2_REQUEST_APPROVAL_PROMPT: expected force or auto/],
    [{ OAUTH2_DEFAULT_SCOPES: 'admin' }, /^OAUTH2_DEFAULT_SCOPES: "admin" is not in OAUTH2_SCOPES/],
    [{ OAUTH2_SCOPES: '{bad json' }, /^OAUTH2_SCOPES: expected a JSON object/],
    [{ OAUTH2_ISSUER: 'http://auth.example' }, /^OAUTH2_ISSUER: expected an https URL/],
    [{ OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES: 'https javascript' }, /^OAUTH2_ALLOWED_REDIRECT_URI_SCHEMES: "javascript"/],
    [{ OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL: 'https://as.example/o/introspect' }, /^OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL: also set/],
    [{ OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL: 'ftp://x', OAUTH2_RESOURCE_SERVER_AUTH_TOKEN: 't' }, /^OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL: expected/],
    [{ OAUTH2_RESOURCE_SERVER_INTROSPECTION_URL: 'https://as.example/i', OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS: 'nocolon' }, /^OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS: expected/],
  ])('a bad value stops with one line naming the variable (%o)', (env, message) => {
    expect(() => parseSettings(env)).toThrow(message);
  });
});
