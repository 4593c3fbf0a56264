/**
 * The flags createapplication and updateapplication share, read one way. The application rules
 * themselves live once in lib/applications/index.ts (`checkApplicationInput`); this file only turns
 * command-line text into its input and its errors into one line naming the flag.
 */
import { ApplicationInputError, GRANT_TYPES, type GrantType } from '@/lib/applications';
import { createUserStore } from '@/lib/db/users';
import type { DbHandle } from '@/lib/db/types';
import { UsageError } from './command';

// DOT's grant type names (Application.GRANT_*), as the commands take them.
export const DOT_GRANTS: Record<string, GrantType> = {
  'authorization-code': 'authorization_code',
  implicit: 'implicit',
  password: 'password',
  'client-credentials': 'client_credentials',
};

export const GRANT_HELP = `  grants: ${Object.keys(DOT_GRANTS).join(', ')} (refresh tokens come with authorization-code and password)`;

export function parseClientType(raw: string | undefined, what = 'client type'): 'confidential' | 'public' {
  if (raw !== 'confidential' && raw !== 'public') throw new UsageError(`${what}: expected confidential or public`);
  return raw;
}

export function parseGrants(list: string | undefined, what = 'grant types'): GrantType[] {
  if (!list) throw new UsageError(`${what}: expected one or more of ${Object.keys(DOT_GRANTS).join(', ')}, joined by commas`);
  const grants = list.split(',').map((g) => {
    const mapped = DOT_GRANTS[g.trim()] ?? (GRANT_TYPES as readonly string[]).find((t) => t === g.trim());
    if (!mapped) throw new UsageError(`${what} "${g}": expected one of ${Object.keys(DOT_GRANTS).join(', ')}`);
    return mapped as GrantType;
  });
  return [...new Set(grants)];
}

/** A space-separated list flag ("URI URI"). */
export function splitList(raw: string | undefined): string[] {
  return (raw ?? '').split(/\s+/).filter(Boolean);
}

/** '' means no ID tokens (OAuth 2.0 only); "none" says so on the command line. */
export function parseAlgorithm(raw: string | undefined): '' | 'RS256' | 'ES256' {
  const value = raw === 'none' ? '' : (raw ?? '');
  if (value !== '' && value !== 'RS256' && value !== 'ES256') throw new UsageError('--algorithm: expected RS256, ES256 or none');
  return value;
}

export function parseName(raw: string): string {
  const name = raw.trim();
  if (!name) throw new UsageError('--name: must not be empty');
  if (name.length > 255) throw new UsageError('--name: at most 255 characters');
  return name;
}

export async function ownerIdFor(db: DbHandle, email: string, flag = '--user'): Promise<string> {
  const user = await createUserStore(db.db).findUserByEmail(email);
  if (!user) throw new UsageError(`${flag}: no user with email ${email}`);
  return user.id;
}

const FLAG_OF: Record<string, string> = {
  redirectUris: '--redirect-uris',
  postLogoutRedirectUris: '--post-logout-redirect-uris',
  clientId: '--client-id',
  grantTypes: 'grant types',
  allowedOrigins: '--allowed-origins',
  resources: '--resources',
};

/** An application rule's refusal as the command's one line; anything else is rethrown. */
export function asUsageError(e: unknown): never {
  if (e instanceof ApplicationInputError) throw new UsageError(`${FLAG_OF[e.field] ?? e.field}: ${e.message}`);
  throw e;
}
