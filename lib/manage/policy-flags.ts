/**
 * Issue 19's flags for createapplication and updateapplication: the scopes an application may
 * request and its token lifetimes. Only text → input here; the rules (lib/applications/policy.ts)
 * run in the service and come back as one line naming the flag.
 */
import type { ApplicationUpdate } from '@/lib/applications/service';
import type { Command } from './command';
import { UsageError } from './command';

export const POLICY_OPTIONS = {
  scopes: { type: 'string' },
  'access-token-lifetime': { type: 'string' },
  'refresh-token-lifetime': { type: 'string' },
  'id-token-lifetime': { type: 'string' },
  'refresh-tokens': { type: 'boolean' },
} satisfies Command['options'];

export const POLICY_USAGE = '[--scopes "SCOPE ..."|default] [--access-token-lifetime S|default] [--refresh-token-lifetime S|default]\n' +
  '                  [--id-token-lifetime S|default] [--refresh-tokens | --no-refresh-tokens]';

export const POLICY_HELP =
  '  --scopes:      the scopes it may request ("read write openid"); default = every scope the server offers but introspection\n' +
  '  --*-lifetime:  seconds, replacing OAUTH2_*_EXPIRE_SECONDS for this application; default = the setting\n' +
  '  --no-refresh-tokens: the code and password grants issue no refresh token';

export const POLICY_FLAG_OF = {
  allowedScopes: '--scopes',
  accessTokenLifetime: '--access-token-lifetime',
  refreshTokenLifetime: '--refresh-token-lifetime',
  idTokenLifetime: '--id-token-lifetime',
} as const;

function seconds(flag: string, raw: string): number | null {
  if (raw === 'default') return null;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`${flag}: expected a whole number of seconds, or default`);
  return Number(raw);
}

/** The policy flags that were given; absent flags stay absent. */
export function readPolicyFlags(values: Record<string, string | boolean | undefined>): Partial<ApplicationUpdate> {
  const text = (flag: string) => (typeof values[flag] === 'string' ? (values[flag] as string) : undefined);
  const lifetime = (flag: string) => (text(flag) === undefined ? undefined : seconds(`--${flag}`, text(flag)!));
  const scopes = text('scopes');
  const refresh = values['refresh-tokens'] === false || values['no-refresh-tokens'] === true ? false : values['refresh-tokens'] === true ? true : undefined;
  return {
    allowedScopes: scopes === undefined ? undefined : scopes.trim() === 'default' ? null : [...new Set(scopes.split(/\s+/).filter(Boolean))],
    accessTokenLifetime: lifetime('access-token-lifetime'),
    refreshTokenLifetime: lifetime('refresh-token-lifetime'),
    idTokenLifetime: lifetime('id-token-lifetime'),
    issueRefreshTokens: refresh,
  };
}
