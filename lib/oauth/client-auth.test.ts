import { describe, expect, it } from 'vitest';
import { parseBasic } from './client-auth';

const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('RFC 6749 §2.3.1 client_secret_basic', () => {
  it('form-urldecodes the id and the secret', () => {
    expect(parseBasic(`Basic ${b64('my%3Aid:s%2Bcret+x')}`)).toEqual({ clientId: 'my:id', secret: 's+cret x' });
  });
  it('splits on the first colon only', () => {
    expect(parseBasic(`Basic ${b64('id:a:b')}`)).toEqual({ clientId: 'id', secret: 'a:b' });
  });
  it('ignores other schemes', () => {
    expect(parseBasic('Bearer abc')).toBeNull();
    expect(parseBasic(null)).toBeNull();
  });
  it('refuses a header with no colon as invalid_client', () => {
    expect(() => parseBasic(`Basic ${b64('nocolon')}`)).toThrow(/invalid_client/);
  });
});
