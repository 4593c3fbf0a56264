import { describe, expect, it } from 'vitest';
import { findBearerToken } from './token-source';

const url = 'https://api.example/things';

describe('RFC 6750 §2 sending the access token', () => {
  it('§2.1: from the Authorization header', async () => {
    expect(await findBearerToken(new Request(url, { headers: { Authorization: 'Bearer abc.DEF-_~+/=' } }), false)).toEqual({ token: 'abc.DEF-_~+/=' });
  });
  it('§2.2: from a form-encoded body, leaving the body readable for the handler', async () => {
    const req = new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'access_token=tok&x=1' });
    expect(await findBearerToken(req, false)).toEqual({ token: 'tok' });
    expect(await req.text()).toBe('access_token=tok&x=1');
  });
  it('§2.2: not from a JSON body or a GET', async () => {
    const req = new Request(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"access_token":"tok"}' });
    expect(await findBearerToken(req, false)).toEqual({ missing: true });
  });
  it('§2.3: never from the query string unless the setting allows it', async () => {
    expect(await findBearerToken(new Request(`${url}?access_token=tok`), false)).toMatchObject({ malformed: expect.stringContaining('query') });
    expect(await findBearerToken(new Request(`${url}?access_token=tok`), true)).toEqual({ token: 'tok' });
  });
  it('§2: more than one method in a request is refused', async () => {
    const req = new Request(url, {
      method: 'POST',
      headers: { Authorization: 'Bearer a', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'access_token=b',
    });
    expect(await findBearerToken(req, false)).toMatchObject({ malformed: expect.any(String) });
  });
  it('no token at all is missing; another scheme is missing too', async () => {
    expect(await findBearerToken(new Request(url), false)).toEqual({ missing: true });
    expect(await findBearerToken(new Request(url, { headers: { Authorization: 'Basic eDp5' } }), false)).toEqual({ missing: true });
  });
});
