import { createApplicationStore, type OperatorApplication } from '@/lib/db/applications';
import { ownerIdFor } from './application-flags';
import { UsageError, type Command } from './command';

/** Every application, including the owner-less ones `createapplication` makes without --user (no screen shows those). */
export const listapplications: Command = {
  name: 'listapplications',
  summary: 'list applications: dashboard, command-line and self-registered ones',
  usage:
    'listapplications [--owner EMAIL|none] [--json]\n' +
    '  --owner none lists the applications nobody owns (created here without --user, or self-registered).',
  options: { owner: { type: 'string' } },
  async run({ args, db, json, out }) {
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const owner = args.values.owner as string | undefined;
    if (owner === '') throw new UsageError('--owner: expected an email or "none"');
    const ownerId = owner === undefined ? undefined : owner === 'none' ? null : await ownerIdFor(db, owner, '--owner');
    const apps = await createApplicationStore(db.db).listApplications({ ownerId });
    if (json) {
      out(JSON.stringify(apps.map(toJson)));
      return;
    }
    if (!apps.length) {
      out('no applications');
      return;
    }
    for (const a of apps) {
      const flags = [a.skipAuthorization && 'skip-authorization', a.resourceServer && 'resource-server', a.registeredVia !== 'dashboard' && a.registeredVia].filter(Boolean);
      out(`${a.clientId}  ${a.name}  ${a.clientType}  ${a.grantTypes.join(',')}  owner: ${a.ownerEmail ?? 'none'}${flags.length ? `  [${flags.join(', ')}]` : ''}`);
    }
  },
};

/** Wire-style names, as the other commands' --json output. */
export function toJson(a: OperatorApplication) {
  return {
    id: a.id,
    client_id: a.clientId,
    name: a.name,
    client_type: a.clientType,
    grant_types: a.grantTypes,
    redirect_uris: a.redirectUris,
    post_logout_redirect_uris: a.postLogoutRedirectUris,
    allowed_origins: a.allowedOrigins,
    resources: a.resources,
    owner: a.ownerEmail,
    registered_via: a.registeredVia,
    skip_authorization: a.skipAuthorization,
    resource_server: a.resourceServer,
    algorithm: a.algorithm || null,
    rate_limit: a.rateLimit,
    has_secret: a.hasSecret,
    token_endpoint_auth_method: a.tokenEndpointAuthMethod,
    jwks_uri: a.jwksUri,
    access_token_format: a.accessTokenFormat,
    allowed_scopes: a.allowedScopes,
    access_token_lifetime: a.accessTokenLifetime,
    refresh_token_lifetime: a.refreshTokenLifetime,
    id_token_lifetime: a.idTokenLifetime,
    issue_refresh_tokens: a.issueRefreshTokens,
    previous_secret_expires_at: a.previousSecretExpiresAt?.toISOString() ?? null,
    // Issue 23: who it is (RFC 7591 §2 names).
    logo_uri: a.logoUri,
    client_uri: a.clientUri,
    policy_uri: a.policyUri,
    tos_uri: a.tosUri,
    created_at: a.createdAt.toISOString(),
  };
}
