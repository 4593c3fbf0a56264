import { describe, expect, it } from 'vitest';
import { forwardedFor, REQUEST_ID, requestIdOf, routeOf } from './request-facts.mjs';

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

describe('X-Forwarded-For passed to the app (the client-IP contract)', () => {
  it('always ends with the socket’s address, whatever the client sent', () => {
    expect(forwardedFor(undefined, '203.0.113.7')).toBe('203.0.113.7');
    expect(forwardedFor('', '203.0.113.7')).toBe('203.0.113.7');
    // A proxy (nginx $proxy_add_x_forwarded_for) sent "client, proxy-seen": we add the proxy itself.
    expect(forwardedFor('198.51.100.1', '10.0.0.2')).toBe('198.51.100.1, 10.0.0.2');
    // A client forging the header cannot make itself the rightmost entry.
    expect(forwardedFor('1.1.1.1, 2.2.2.2', '203.0.113.7')).toBe('1.1.1.1, 2.2.2.2, 203.0.113.7');
    expect(forwardedFor(['1.1.1.1', '2.2.2.2'], '::1')).toBe('1.1.1.1, 2.2.2.2, ::1');
  });
});

describe('X-Request-Id', () => {
  it('keeps the incoming id, or generates one', () => {
    expect(requestIdOf('abc-123', () => 'new')).toBe('abc-123');
    expect(requestIdOf(undefined, () => 'new')).toBe('new');
    expect(requestIdOf(['a', 'b'], () => 'new')).toBe('new');
    expect(requestIdOf('a b', () => 'new')).toBe('new');
  });
  it('keeps a well-formed incoming id and refuses one that could forge a log line', () => {
    expect(REQUEST_ID.test('3f2b8c1e-9d7a-4e0f-8a6b-1c2d3e4f5a6b')).toBe(true);
    expect(REQUEST_ID.test('nginx.a1b2:c3')).toBe(true);
    expect(REQUEST_ID.test('bad id\n{"level":"info"}')).toBe(false);
    expect(REQUEST_ID.test('x'.repeat(129))).toBe(false);
    expect(REQUEST_ID.test('')).toBe(false);
  });
});
