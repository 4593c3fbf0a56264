import { describe, expect, it } from 'vitest';
import { defaultSettings } from '@/lib/oauth/settings';
import { allowedScopesFor, resolveClientScopes } from '@/lib/oauth/client-scopes';
import { parseOverlap } from '@/lib/manage/rotatesecret';
import { allowedScopesProblem, initialScopes, lifetimeProblem } from './policy';

describe('application policy rules', () => {
  it('lifetimes: null is the setting; whole seconds within the bounds', () => {
    expect(lifetimeProblem('accessTokenLifetime', null)).toBeNull();
    expect(lifetimeProblem('accessTokenLifetime', 60)).toBeNull();
    expect(lifetimeProblem('accessTokenLifetime', 59)?.field).toBe('accessTokenLifetime');
    expect(lifetimeProblem('refreshTokenLifetime', 365 * 86400 + 1)?.message).toMatch(/from 300 to 31,536,000/);
  });

  it('scopes: offered ones only, introspection only for resource servers', () => {
    expect(allowedScopesProblem(['read', 'openid'], defaultSettings)).toBeNull();
    expect(allowedScopesProblem(['constructor'], defaultSettings)?.value).toBe('constructor');
    expect(allowedScopesProblem(['introspection'], defaultSettings)?.field).toBe('allowedScopes');
    expect(allowedScopesProblem(['introspection'], defaultSettings, true)).toBeNull();
  });

  it('a null list is every offered scope but introspection; defaults apply within the list', () => {
    expect(allowedScopesFor({ allowedScopes: null }, defaultSettings)).toEqual(['read', 'write', 'openid', 'profile', 'email', 'roles']);
    expect(allowedScopesFor({ allowedScopes: null, resourceServer: true }, defaultSettings)).toContain('introspection');
    expect(resolveClientScopes(undefined, { allowedScopes: ['write'] }, defaultSettings)).toEqual(['write']);
    expect(() => resolveClientScopes('read', { allowedScopes: ['write'] }, defaultSettings)).toThrow(/may not request: read/);
  });

  it('new applications start with the default scopes plus openid profile email', () => {
    expect(initialScopes(defaultSettings)).toEqual(['read', 'write', 'openid', 'profile', 'email']);
  });

  it('rotatesecret --overlap reads durations up to 7 days', () => {
    expect(parseOverlap('24h')).toBe(86400);
    expect(parseOverlap('none')).toBe(0);
    expect(parseOverlap('7d')).toBe(604800);
    expect(() => parseOverlap('8d')).toThrow('--overlap: at most 7d');
    expect(() => parseOverlap('soon')).toThrow(/--overlap/);
  });
});
