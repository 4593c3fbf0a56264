import { describe, expect, it } from 'vitest';
import { EventBus } from '@/lib/oauth/events';
import { errorResponse, OAuthError } from '@/lib/oauth/errors';
import { noteErrorCode, observeEvents } from './observe';
import { requestContext, runWithRequestContext, type RequestContext } from './request-context';

const inRequest = async (fn: () => Promise<void> | void): Promise<RequestContext> => {
  const ctx: RequestContext = { requestId: 'r1' };
  await runWithRequestContext(ctx, fn);
  return ctx;
};

describe('the RFC error code in the request log line', () => {
  it('RFC 6749 §5.2: read from the engine’s JSON error body', async () => {
    const ctx = await inRequest(() => noteErrorCode(errorResponse(new OAuthError('invalid_grant', 'authorization code has expired'))));
    expect(ctx.error).toBe('invalid_grant');
  });
  it('RFC 6750 §3: read from the WWW-Authenticate challenge', async () => {
    const res = new Response(null, { status: 401, headers: { 'WWW-Authenticate': 'Bearer error="invalid_token", error_description="expired"' } });
    expect((await inRequest(() => noteErrorCode(res))).error).toBe('invalid_token');
  });
  it('RFC 6749 §4.1.2.1: read from an error redirect, and only the code', async () => {
    const res = new Response(null, { status: 302, headers: { Location: 'https://client.example/cb?error=access_denied&state=s3cr3t' } });
    expect((await inRequest(() => noteErrorCode(res))).error).toBe('access_denied');
    const ok = new Response(null, { status: 302, headers: { Location: 'https://client.example/cb?code=abc&state=xyz' } });
    expect((await inRequest(() => noteErrorCode(ok))).error).toBeUndefined();
  });
  it('leaves the body readable for the client and ignores a non-code value', async () => {
    const res = Response.json({ error: 'not a code; token=abc' }, { status: 400 });
    expect((await inRequest(() => noteErrorCode(res))).error).toBeUndefined();
    expect(await res.json()).toEqual({ error: 'not a code; token=abc' });
  });
  it('does nothing outside a request (next dev, tests)', async () => {
    await noteErrorCode(errorResponse(new OAuthError('invalid_request', 'x')));
    expect(requestContext()).toBeUndefined();
  });
});

describe('the client id in the request log line (from the engine’s events)', () => {
  it('is the authenticated client, or the one a failed authentication claimed', async () => {
    const events = new EventBus();
    observeEvents(events);
    const ok = await inRequest(() => events.emit('client_authenticated', { applicationId: 'a', clientId: 'client-1', method: 'client_secret_basic' }));
    expect(ok.clientId).toBe('client-1');
    const failed = await inRequest(() => events.emit('client_auth_failed', { clientId: 'guessed', method: 'client_secret_post' }));
    expect(failed.clientId).toBe('guessed');
    const authorized = await inRequest(() => events.emit('app_authorized', { applicationId: 'a', clientId: 'client-2', userId: 'u-1', scope: ['read'] }));
    expect(authorized).toMatchObject({ clientId: 'client-2', userId: 'u-1' });
  });
});

describe('the client and user in a protected request’s log line (token_authenticated)', () => {
  it('RFC 6750: names the bearer token’s client and, for a user’s token, the user', async () => {
    const events = new EventBus();
    observeEvents(events);
    const user = await inRequest(() => events.emit('token_authenticated', { applicationId: 'a', clientId: 'client-3', userId: 'u-2', scope: ['openid'] }));
    expect(user).toMatchObject({ clientId: 'client-3', userId: 'u-2' });
    const machine = await inRequest(() => events.emit('token_authenticated', { applicationId: 'a', clientId: 'client-4', userId: null, scope: ['read'] }));
    expect(machine.clientId).toBe('client-4');
    expect(machine.userId).toBeUndefined();
  });
});
