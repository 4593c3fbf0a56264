/**
 * OAUTH2_MCP and the settings that follow it (issue 10). Every widening defaults to the profile
 * flag, so one setting lets AI agents register, and each can still be set on its own.
 */
import { bool, int, list, SettingsError, type Env } from '@/lib/config/env';
import type { ClientRegistrationSettings, DynamicRegistrationMode } from '@/lib/oauth/registration-settings';

const HOST_PATTERN = /^(\*\.)?[a-z0-9.-]+$|^\[[0-9a-f:.]+\]$/;

function hosts(env: Env, name: string): string[] {
  const values = list(env, name, []).map((h) => h.toLowerCase());
  for (const h of values) {
    if (!HOST_PATTERN.test(h)) throw new SettingsError(`${name}: "${h}" is not a host name (use example.com or *.example.com)`);
  }
  return values;
}

export const MAX_METADATA_CACHE_SECONDS = 86400;

export function parseClientRegistrationSettings(env: Env): ClientRegistrationSettings {
  const mcp = bool(env, 'OAUTH2_MCP', false);
  const mode = (env.OAUTH2_DYNAMIC_REGISTRATION?.trim().toLowerCase() || (mcp ? 'public' : 'off')) as DynamicRegistrationMode;
  if (!['off', 'public', 'token'].includes(mode)) {
    throw new SettingsError(`OAUTH2_DYNAMIC_REGISTRATION: expected off, public or token, got "${env.OAUTH2_DYNAMIC_REGISTRATION}"`);
  }
  const cacheSeconds = int(env, 'OAUTH2_CLIENT_ID_METADATA_CACHE_SECONDS', 300, 60);
  if (cacheSeconds > MAX_METADATA_CACHE_SECONDS) {
    throw new SettingsError(`OAUTH2_CLIENT_ID_METADATA_CACHE_SECONDS: expected a whole number from 60 to ${MAX_METADATA_CACHE_SECONDS}, got "${cacheSeconds}"`);
  }
  return {
    mcp,
    metadataDocuments: bool(env, 'OAUTH2_CLIENT_ID_METADATA_DOCUMENTS', mcp),
    metadataAllowedHosts: hosts(env, 'OAUTH2_CLIENT_ID_METADATA_ALLOWED_HOSTS'),
    metadataDeniedHosts: hosts(env, 'OAUTH2_CLIENT_ID_METADATA_DENIED_HOSTS'),
    metadataAllowHttpLoopback: bool(env, 'OAUTH2_CLIENT_ID_METADATA_ALLOW_HTTP_LOOPBACK', false),
    metadataCacheSeconds: cacheSeconds,
    dynamicRegistration: mode,
    corsAnyOrigin: bool(env, 'OAUTH2_CORS_ANY_ORIGIN', mcp),
    operatorEmails: list(env, 'OAUTH2_OPERATOR_EMAILS', []).map((e) => e.toLowerCase()),
  };
}
