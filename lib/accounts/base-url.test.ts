import { describe, expect, it } from 'vitest';
import { mailBaseUrl } from './base-url';

describe('links in mail (password reset poisoning)', () => {
  it("uses the request's origin only when it is loopback", () => {
    expect(mailBaseUrl('http://127.0.0.1:3101')).toBe('http://127.0.0.1:3101');
    expect(mailBaseUrl('http://localhost:3000')).toBe('http://localhost:3000');
  });

  it('never builds a link from another Host header', () => {
    expect(mailBaseUrl('http://evil.example')).toMatch(/^http:\/\/localhost:\d+$/);
    expect(mailBaseUrl('not a url')).toMatch(/^http:\/\/localhost:\d+$/);
  });
});
