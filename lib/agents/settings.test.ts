import { describe, expect, it } from 'vitest';
import { SettingsError } from '@/lib/config/env';
import { parseClientRegistrationSettings } from './settings';

describe('OAUTH2_MCP and the settings that follow it', () => {
  it('off by default: no registration, no metadata documents, no any-origin CORS', () => {
    expect(parseClientRegistrationSettings({})).toMatchObject({ mcp: false, metadataDocuments: false, dynamicRegistration: 'off', corsAnyOrigin: false, metadataCacheSeconds: 300 });
  });
  it('OAUTH2_MCP=on turns each widening on', () => {
    expect(parseClientRegistrationSettings({ OAUTH2_MCP: 'on' })).toMatchObject({ mcp: true, metadataDocuments: true, dynamicRegistration: 'public', corsAnyOrigin: true, metadataAllowHttpLoopback: false });
  });
  it('each setting overrides the profile', () => {
    const s = parseClientRegistrationSettings({ OAUTH2_MCP: 'on', OAUTH2_CLIENT_ID_METADATA_DOCUMENTS: 'off', OAUTH2_DYNAMIC_REGISTRATION: 'token', OAUTH2_CORS_ANY_ORIGIN: 'off' });
    expect(s).toMatchObject({ metadataDocuments: false, dynamicRegistration: 'token', corsAnyOrigin: false });
  });
  it('host lists: exact or *.suffix, lower-cased', () => {
    const s = parseClientRegistrationSettings({ OAUTH2_CLIENT_ID_METADATA_ALLOWED_HOSTS: 'Agents.Example.com, *.claude.ai', OAUTH2_CLIENT_ID_METADATA_DENIED_HOSTS: 'evil.example' });
    expect(s.metadataAllowedHosts).toEqual(['agents.example.com', '*.claude.ai']);
    expect(s.metadataDeniedHosts).toEqual(['evil.example']);
  });
  it('bad values stop the server with one line naming the variable', () => {
    expect(() => parseClientRegistrationSettings({ OAUTH2_DYNAMIC_REGISTRATION: 'open' })).toThrow(new SettingsError('OAUTH2_DYNAMIC_REGISTRATION: expected off, public or token, got "open"'));
    expect(() => parseClientRegistrationSettings({ OAUTH2_CLIENT_ID_METADATA_CACHE_SECONDS: '10' })).toThrow(/OAUTH2_CLIENT_ID_METADATA_CACHE_SECONDS/);
    expect(() => parseClientRegistrationSettings({ OAUTH2_CLIENT_ID_METADATA_CACHE_SECONDS: '100000' })).toThrow(/60 to 86400/);
    expect(() => parseClientRegistrationSettings({ OAUTH2_CLIENT_ID_METADATA_DENIED_HOSTS: 'https://x.example/' })).toThrow(/OAUTH2_CLIENT_ID_METADATA_DENIED_HOSTS/);
    expect(() => parseClientRegistrationSettings({ OAUTH2_MCP: 'maybe' })).toThrow(/OAUTH2_MCP/);
  });
});
