/** draft-ietf-oauth-client-id-metadata-document §3: which URLs may be a client_id, and the host lists. */
import { describe, expect, it } from 'vitest';
import { checkClientIdUrl, hostMatches, isUrlClientId } from './client-id-metadata-document';
import { defaultSettings } from './settings';
import { defaultClientRegistrationSettings, type ClientRegistrationSettings } from './registration-settings';

const deps = (c: Partial<ClientRegistrationSettings> = {}) => ({
  settings: { ...defaultSettings, clients: { ...defaultClientRegistrationSettings, metadataDocuments: true, ...c } },
});

describe('§3 client identifier URL', () => {
  it('accepts an https URL with a path (and a query, which the draft only discourages)', () => {
    expect(checkClientIdUrl('https://app.example.com/oauth/client.json', deps()).href).toBe('https://app.example.com/oauth/client.json');
    expect(() => checkClientIdUrl('https://app.example.com/client?v=2', deps())).not.toThrow();
  });
  it.each([
    ['http://app.example.com/client.json', /https URL/],
    ['https://app.example.com/', /must have a path/],
    ['https://app.example.com', /must have a path/],
    ['https://app.example.com/client.json#x', /fragment/],
    ['https://user:pass@app.example.com/client.json', /user name or password/],
    ['https://app.example.com/a/./client.json', /\. or \.\. path segments/],
    ['https://app.example.com/a/%2e%2e/client.json', /\. or \.\. path segments/],
    ['https://APP.example.com/client.json', /canonical form/],
    ['https://app.example.com:443/client.json', /canonical form/],
    ['not a url', /not a URL/],
  ])('refuses %s', (url, reason) => {
    expect(() => checkClientIdUrl(url, deps())).toThrow(reason);
  });
  it('http on loopback only with the development setting', () => {
    expect(() => checkClientIdUrl('http://127.0.0.1:3199/client.json', deps())).toThrow(/https/);
    expect(() => checkClientIdUrl('http://127.0.0.1:3199/client.json', deps({ metadataAllowHttpLoopback: true }))).not.toThrow();
    expect(() => checkClientIdUrl('http://agents.example/client.json', deps({ metadataAllowHttpLoopback: true }))).toThrow(/https/);
  });
  it('random client_ids never look like document URLs', () => {
    expect(isUrlClientId('5nY5lmrf69jixkv1inKWWuXXWZ4')).toBe(false);
    expect(isUrlClientId('https://a.example/c.json')).toBe(true);
  });
});

describe('allowed and denied host patterns', () => {
  it('exact hosts match themselves; *.suffix matches subdomains, not the apex or look-alikes', () => {
    expect(hostMatches('claude.ai', 'claude.ai')).toBe(true);
    expect(hostMatches('a.claude.ai', '*.claude.ai')).toBe(true);
    expect(hostMatches('claude.ai', '*.claude.ai')).toBe(false);
    expect(hostMatches('evilclaude.ai', '*.claude.ai')).toBe(false);
  });
  it('the deny list wins over the allow list', () => {
    const d = deps({ metadataAllowedHosts: ['*.example.com'], metadataDeniedHosts: ['bad.example.com'] });
    expect(() => checkClientIdUrl('https://good.example.com/c.json', d)).not.toThrow();
    expect(() => checkClientIdUrl('https://bad.example.com/c.json', d)).toThrow(/not accepted/);
    expect(() => checkClientIdUrl('https://other.org/c.json', d)).toThrow(/ALLOWED_HOSTS/);
  });
});
