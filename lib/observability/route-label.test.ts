import { describe, expect, it } from 'vitest';
import { REQUEST_ID, routeOf } from './route-label.mjs';

describe('the route in request logs and metric labels', () => {
  it('is the path only: the query string (codes, tokens, state) never appears', () => {
    expect(routeOf('/o/authorize?response_type=code&code_challenge=abc&state=xyz')).toBe('/o/authorize');
    expect(routeOf('/o/introspect?token=SECRET-TOKEN-VALUE')).toBe('/o/introspect');
    expect(routeOf('/cb#access_token=x')).toBe('/cb');
  });
  it('drops the trailing slash (PRODUCT.md: both forms are one endpoint)', () => {
    expect(routeOf('/o/token/')).toBe('/o/token');
    expect(routeOf('/')).toBe('/');
  });
  it('collapses identifiers, so labels stay bounded and carry no value', () => {
    expect(routeOf('/o/applications/3f2b8c1e-9d7a-4e0f-8a6b-1c2d3e4f5a6b/update')).toBe('/o/applications/:id/update');
    expect(routeOf('/o/authorized-tokens/42/delete')).toBe('/o/authorized-tokens/:id/delete');
    expect(routeOf('/x/Zm9vYmFyYmF6cXV4cXV1eHg0MjQy')).toBe('/x/:id');
    expect(routeOf('/_next/static/chunks/app-123.js')).toBe('/_next/*');
    expect(routeOf(`/${'a/'.repeat(150)}`)).toBe('(long)');
  });
});

describe('X-Request-Id', () => {
  it('keeps a well-formed incoming id and refuses one that could forge a log line', () => {
    expect(REQUEST_ID.test('3f2b8c1e-9d7a-4e0f-8a6b-1c2d3e4f5a6b')).toBe(true);
    expect(REQUEST_ID.test('nginx.a1b2:c3')).toBe(true);
    expect(REQUEST_ID.test('bad id\n{"level":"info"}')).toBe(false);
    expect(REQUEST_ID.test('x'.repeat(129))).toBe(false);
    expect(REQUEST_ID.test('')).toBe(false);
  });
});
