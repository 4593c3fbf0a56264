import { describe, expect, it } from 'vitest';
import { hasScopes, requiredScopes } from './rules';

const settings = { readScope: 'read', writeScope: 'write' };

describe('DOT’s scope permissions', () => {
  it('TokenHasScope: all required scopes by default (AND)', () => {
    const need = requiredScopes({ scopes: ['a', 'b'] }, 'GET', settings);
    expect(hasScopes(['a', 'b', 'c'], need)).toBe(true);
    expect(hasScopes(['a'], need)).toBe(false);
  });
  it('any of them with match: any (OR)', () => {
    const need = requiredScopes({ scopes: ['a', 'b'], match: 'any' }, 'GET', settings);
    expect(hasScopes(['b'], need)).toBe(true);
    expect(hasScopes(['c'], need)).toBe(false);
  });
  it('TokenHasReadWriteScope: GET, HEAD and OPTIONS need read; other methods need write', () => {
    for (const m of ['GET', 'HEAD', 'OPTIONS']) expect(requiredScopes({ readWrite: true }, m, settings).all).toEqual(['read']);
    for (const m of ['POST', 'PUT', 'PATCH', 'DELETE']) expect(requiredScopes({ readWrite: true }, m, settings).all).toEqual(['write']);
    expect(requiredScopes({ readWrite: true, scopes: ['music'] }, 'POST', settings).all).toEqual(['music', 'write']);
  });
  it('TokenHasResourceScope: music means music:read for safe methods and music:write otherwise', () => {
    expect(requiredScopes({ resourceScopes: ['music'] }, 'GET', settings).all).toEqual(['music:read']);
    expect(requiredScopes({ resourceScopes: ['music'] }, 'DELETE', settings).all).toEqual(['music:write']);
  });
  it('TokenMatchesOASRequirements: one whole alternative set for the method; a method not listed is refused', () => {
    const rules = { alternateScopes: { GET: [['read']], POST: [['create'], ['post', 'widget']] } };
    expect(hasScopes(['read'], requiredScopes(rules, 'GET', settings))).toBe(true);
    expect(hasScopes(['create'], requiredScopes(rules, 'POST', settings))).toBe(true);
    expect(hasScopes(['post', 'widget'], requiredScopes(rules, 'post', settings))).toBe(true);
    expect(hasScopes(['post'], requiredScopes(rules, 'POST', settings))).toBe(false);
    expect(hasScopes(['read', 'create', 'post', 'widget'], requiredScopes(rules, 'DELETE', settings))).toBe(false);
  });
});
