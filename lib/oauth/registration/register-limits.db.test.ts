/**
 * RFC 7591 §3.2.2: registration metadata is bounded (issue 15 item 17). Too long or too many is
 * invalid_redirect_uri for redirect URIs and invalid_client_metadata for everything else, 400.
 */
import { describe, expect, it } from 'vitest';
import { METADATA_LIMITS } from '@/lib/oauth/registration/client-metadata';
import { defaultClientRegistrationSettings } from '@/lib/oauth/registration-settings';
import { body, createTestServer, jsonPost } from '@/lib/testing/oauth';
import { testDatabaseKind } from '@/lib/testing/test-db';

const t = await createTestServer({ clients: { ...defaultClientRegistrationSettings, dynamicRegistration: 'public' } });
const BASE_METADATA = { redirect_uris: ['http://127.0.0.1/cb'], token_endpoint_auth_method: 'none' };

async function register(metadata: Record<string, unknown>) {
  const res = await t.server.register(jsonPost('/o/register', { ...BASE_METADATA, ...metadata }));
  return { status: res.status, body: await body(res) };
}

describe(`RFC 7591 §3.2.2 bounded client metadata on ${testDatabaseKind}`, () => {
  it.each([
    ['client_name over 200 characters', { client_name: 'x'.repeat(201) }, /client_name may be at most 200 characters/],
    ['more than 10 contacts', { contacts: Array.from({ length: 11 }, (_, i) => `c${i}@example.com`) }, /contacts may have at most 10 entries/],
    ['a contact over 320 characters', { contacts: [`${'x'.repeat(320)}@example.com`] }, /each contact/],
    ['a logo_uri over 2000 characters', { logo_uri: `https://example.com/${'x'.repeat(2000)}` }, /logo_uri may be at most 2000/],
    ['a software_id over 200 characters', { software_id: 'x'.repeat(201) }, /software_id/],
    ['a scope over 1000 characters', { scope: 'read '.repeat(201) }, /scope may be at most 1000/],
    ['more than 10 grant_types', { grant_types: Array(11).fill('authorization_code') }, /grant_types may have at most 10/],
  ])('%s is invalid_client_metadata', async (_, metadata, message) => {
    const res = await register(metadata);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_client_metadata');
    expect(res.body.error_description).toMatch(message);
  });

  it.each([
    ['more than 20 redirect_uris', { redirect_uris: Array.from({ length: 21 }, (_, i) => `http://127.0.0.1/cb${i}`) }, /redirect_uris may have at most 20 entries/],
    ['a redirect URI over 2000 characters', { redirect_uris: [`http://127.0.0.1/${'x'.repeat(2000)}`] }, /at most 2000 characters/],
  ])('%s is invalid_redirect_uri', async (_, metadata, message) => {
    const res = await register(metadata);
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('invalid_redirect_uri');
    expect(res.body.error_description).toMatch(message);
  });

  it('a body over 64 KB is refused before it is parsed (413)', async () => {
    const res = await register({ unknown_field: 'x'.repeat(METADATA_LIMITS.bodyBytes) });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: 'invalid_client_metadata', error_description: 'the client metadata is larger than 64 KB' });
  });

  it('the limits themselves are accepted', async () => {
    const res = await register({
      client_name: 'x'.repeat(200),
      contacts: Array.from({ length: 10 }, (_, i) => `c${i}@example.com`),
      redirect_uris: Array.from({ length: 20 }, (_, i) => `http://127.0.0.1/cb${i}`),
    });
    expect(res.status).toBe(201);
  });
});
