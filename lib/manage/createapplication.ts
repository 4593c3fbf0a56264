import { ApplicationInputError, GRANT_TYPES, registerApplication, type GrantType } from '@/lib/applications';
import { createApplicationStore, createUserStore } from '@/lib/db/store';
import { getSettings } from '@/lib/settings';
import { UsageError, type Command } from './command';

// DOT's grant type names (Application.GRANT_*), as the command takes them.
const DOT_GRANTS: Record<string, GrantType> = {
  'authorization-code': 'authorization_code',
  implicit: 'implicit',
  password: 'password',
  'client-credentials': 'client_credentials',
};

export const createapplication: Command = {
  name: 'createapplication',
  summary: 'register an application and print its credentials (the secret is shown only here)',
  usage:
    'createapplication <confidential|public> <grant[,grant...]> [--name NAME] [--redirect-uris "URI URI"] [--user EMAIL]\n' +
    '                  [--client-id ID] [--client-secret SECRET] [--skip-authorization] [--algorithm RS256|ES256]\n' +
    '                  [--allowed-origins "ORIGIN ..."] [--post-logout-redirect-uris "URI ..."] [--resource-server] [--json]\n' +
    '  --resource-server: it may introspect any token (RFC 7662 §4), as a resource server whose\n' +
    '                     OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS are this client\'s needs\n' +
    `  grants: ${Object.keys(DOT_GRANTS).join(', ')} (refresh tokens come with authorization-code and password)`,
  options: {
    name: { type: 'string' },
    'redirect-uris': { type: 'string' },
    'post-logout-redirect-uris': { type: 'string' },
    'allowed-origins': { type: 'string' },
    user: { type: 'string' },
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
    'skip-authorization': { type: 'boolean' },
    'resource-server': { type: 'boolean' },
    algorithm: { type: 'string' },
  },
  async run({ args, db, json, out }) {
    const [clientType, grantList, ...extra] = args.positionals;
    if (clientType !== 'confidential' && clientType !== 'public') throw new UsageError('client type: expected confidential or public');
    if (!grantList) throw new UsageError(`grant types: expected one or more of ${Object.keys(DOT_GRANTS).join(', ')}, joined by commas`);
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const grantTypes = grantList.split(',').map((g) => {
      const mapped = DOT_GRANTS[g.trim()] ?? (GRANT_TYPES as readonly string[]).find((t) => t === g.trim());
      if (!mapped) throw new UsageError(`grant type "${g}": expected one of ${Object.keys(DOT_GRANTS).join(', ')}`);
      return mapped as GrantType;
    });
    const v = args.values as Record<string, string | undefined> & { 'skip-authorization'?: boolean; 'resource-server'?: boolean };
    // RFC 7662 §4: a resource server proves who it is with its secret; a public client has none.
    if (v['resource-server'] && clientType !== 'confidential') throw new UsageError('--resource-server: needs a confidential client (it authenticates with its secret)');
    const algorithm = v.algorithm ?? '';
    if (!['', 'RS256', 'ES256'].includes(algorithm)) throw new UsageError('--algorithm: expected RS256 or ES256');
    let ownerId: string | null = null;
    if (v.user) {
      const user = await createUserStore(db.db).findUserByEmail(v.user);
      if (!user) throw new UsageError(`--user: no user with email ${v.user}`);
      ownerId = user.id;
    }
    const split = (s: string | undefined) => (s ?? '').split(/\s+/).filter(Boolean);
    try {
      const { application, clientSecret } = await registerApplication(
        createApplicationStore(db.db),
        {
          name: v.name ?? 'Unnamed application',
          clientType,
          grantTypes: [...new Set(grantTypes)],
          redirectUris: split(v['redirect-uris']),
          postLogoutRedirectUris: split(v['post-logout-redirect-uris']),
          allowedOrigins: split(v['allowed-origins']),
          skipAuthorization: !!v['skip-authorization'],
          resourceServer: !!v['resource-server'],
          algorithm,
          ownerId,
          clientId: v['client-id'],
          clientSecret: v['client-secret'],
        },
        getSettings(),
      );
      if (json) {
        out(JSON.stringify({ id: application.id, client_id: application.clientId, client_secret: clientSecret, name: application.name, resource_server: !!application.resourceServer }));
      }
      else {
        out(`created application "${application.name}"`);
        out(`client_id:     ${application.clientId}`);
        if (clientSecret) out(`client_secret: ${clientSecret}   (shown once: store it now)`);
        if (application.resourceServer) out('resource server: may introspect any token');
      }
    } catch (e) {
      if (e instanceof ApplicationInputError) {
        const flag = { redirectUris: '--redirect-uris', postLogoutRedirectUris: '--post-logout-redirect-uris', clientId: '--client-id', grantTypes: 'grant types', allowedOrigins: '--allowed-origins' }[e.field] ?? e.field;
        throw new UsageError(`${flag}: ${e.message}`);
      }
      throw e;
    }
  },
};
