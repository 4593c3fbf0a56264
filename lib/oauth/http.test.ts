/** Issue 24, hostile input: body limits and encoding at the one place the engine reads bodies. */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, readParams } from './http';
import { OAuthError } from './errors';

const post = (body: BodyInit, headers: Record<string, string> = { 'Content-Type': 'application/x-www-form-urlencoded' }) =>
  new Request('https://as.example/o/token', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

async function refusal(req: Request): Promise<OAuthError> {
  try {
    await readParams(req);
  } catch (e) {
    if (e instanceof OAuthError) return e;
    throw e;
  }
  throw new Error('accepted');
}

/** A body sent in chunks without Content-Length, as a slow or lying client would. */
function chunked(total: number): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    pull(c) {
      if (sent >= total) return c.close();
      const n = Math.min(8192, total - sent);
      sent += n;
      c.enqueue(new TextEncoder().encode('a'.repeat(n)));
    },
  });
}

describe('request bodies', () => {
  it('a form over 64 KB is 413 invalid_request, named in the description', async () => {
    const e = await refusal(post(`scope=${'a'.repeat(MAX_BODY_BYTES)}`));
    expect(e.status).toBe(413);
    expect(e.code).toBe('invalid_request');
    expect(e.description).toBe('the request body is larger than 64 KB');
  });

  it('a chunked body is cut off once it passes the limit, whatever Content-Length said', async () => {
    const e = await refusal(post(chunked(MAX_BODY_BYTES * 4), { 'Content-Type': 'application/x-www-form-urlencoded' }));
    expect(e.status).toBe(413);
  });

  it('a JSON body has the same limit', async () => {
    const e = await refusal(post(JSON.stringify({ scope: 'a'.repeat(MAX_BODY_BYTES) }), { 'Content-Type': 'application/json' }));
    expect(e.status).toBe(413);
  });

  it('a body just under the limit is read', async () => {
    const params = await readParams(post(`scope=${'a'.repeat(MAX_BODY_BYTES - 10)}`));
    expect(params.get('scope')).toHaveLength(MAX_BODY_BYTES - 10);
  });

  it('invalid UTF-8 is invalid_request, not silently replaced', async () => {
    const e = await refusal(post(new Uint8Array([0x73, 0x63, 0x6f, 0x70, 0x65, 0x3d, 0xff, 0xfe])));
    expect(e.code).toBe('invalid_request');
    expect(e.description).toBe('the request body is not valid UTF-8');
  });
});
