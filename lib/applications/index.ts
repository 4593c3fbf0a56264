/**
 * Registering applications, shared by the dashboard and `manage createapplication`:
 * a random client_id, a 256-bit secret shown once and stored as its SHA-256 digest.
 */
import { newClientId } from '@/lib/oauth/client-id';
import type { Settings } from '@/lib/oauth/settings';
import { digest, randomToken } from '@/lib/oauth/secrets';
import { redirectUriProblem } from '@/lib/oauth/redirect-uri';
import { resourceUriProblem } from '@/lib/validations/application';
import type { createApplicationStore } from '@/lib/db/applications';

export const GRANT_TYPES = ['authorization_code', 'implicit', 'password', 'client_credentials'] as const;
export type GrantType = (typeof GRANT_TYPES)[number];
/** RFC 9700 §2.1.2, §2.4: kept for DOT parity, marked legacy, off by default. */
export const LEGACY_GRANT_TYPES: GrantType[] = ['implicit', 'password'];

export interface ApplicationInput {
  name: string;
  clientType: 'confidential' | 'public';
  grantTypes: GrantType[];
  redirectUris: string[];
  postLogoutRedirectUris?: string[];
  allowedOrigins?: string[];
  skipAuthorization?: boolean;
  algorithm?: string;
  /** RFC 8707: resource URIs this application serves as a resource server (its tokens' audience). */
  resources?: string[];
  /** Requests per minute at token, introspect and revoke: null = the settings', 0 = no limit. */
  rateLimit?: number | null;
  /** Operators only (`createapplication --resource-server`): may introspect any token (RFC 7662 §4). */
  resourceServer?: boolean;
  ownerId: string | null;
  clientId?: string;
  clientSecret?: string;
}

export class ApplicationInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checks what the zod schema cannot know (settings-dependent rules); throws naming the field. */
export function checkApplicationInput(input: ApplicationInput, settings: Pick<Settings, 'allowedRedirectUriSchemes'>): void {
  for (const [field, uris] of [['redirectUris', input.redirectUris], ['postLogoutRedirectUris', input.postLogoutRedirectUris ?? []]] as const) {
    for (const uri of uris) {
      const problem = redirectUriProblem(uri, settings, { native: input.clientType === 'public' });
      if (problem) throw new ApplicationInputError(field, `${uri} ${problem}`);
    }
  }
  const redirecting = input.grantTypes.includes('authorization_code') || input.grantTypes.includes('implicit');
  if (redirecting && input.redirectUris.length === 0) {
    throw new ApplicationInputError('redirectUris', 'the authorization-code and implicit grants need at least one redirect URI');
  }
  if (input.grantTypes.includes('client_credentials') && input.clientType === 'public') {
    throw new ApplicationInputError('grantTypes', 'client credentials needs a confidential client');
  }
  for (const origin of input.allowedOrigins ?? []) {
    let ok = false;
    try {
      const u = new URL(origin);
      ok = u.origin === origin && (u.protocol === 'https:' || u.protocol === 'http:');
    } catch {
      /* not a URL */
    }
    if (!ok) throw new ApplicationInputError('allowedOrigins', `${origin} is not an origin (scheme://host[:port], no path)`);
  }
  for (const resource of input.resources ?? []) {
    const problem = resourceUriProblem(resource);
    if (problem) throw new ApplicationInputError('resources', `${resource} ${problem}`);
  }
}

export { newClientId } from '@/lib/oauth/client-id';

export async function registerApplication(
  store: ReturnType<typeof createApplicationStore>,
  input: ApplicationInput,
  settings: Pick<Settings, 'allowedRedirectUriSchemes'>,
) {
  checkApplicationInput(input, settings);
  const clientSecret = input.clientType === 'confidential' ? (input.clientSecret ?? randomToken()) : null;
  const app = await store.createApplication({
    clientId: input.clientId ?? newClientId(),
    clientSecretDigest: clientSecret ? digest(clientSecret) : null,
    clientType: input.clientType,
    grantTypes: [...input.grantTypes],
    redirectUris: input.redirectUris,
    postLogoutRedirectUris: input.postLogoutRedirectUris ?? [],
    allowedOrigins: input.allowedOrigins ?? [],
    name: input.name,
    ownerId: input.ownerId,
    skipAuthorization: input.skipAuthorization ?? false,
    algorithm: input.algorithm ?? '',
    resources: input.resources ?? [],
    rateLimit: input.rateLimit ?? null,
    resourceServer: input.resourceServer ?? false,
  });
  if (!app) throw new ApplicationInputError('clientId', `client_id "${input.clientId}" is already taken`);
  return { application: app, clientSecret };
}
