import { registerApplication } from '@/lib/applications';
import { createApplicationStore } from '@/lib/db/applications';
import { getSettings } from '@/lib/config/settings';
import { asUsageError, GRANT_HELP, ownerIdFor, parseAlgorithm, parseClientType, parseGrants, parseName, splitList } from './application-flags';
import { UsageError, type Command } from './command';

export const createapplication: Command = {
  name: 'createapplication',
  summary: 'register an application and print its credentials (the secret is shown only here)',
  usage:
    'createapplication <confidential|public> <grant[,grant...]> [--name NAME] [--redirect-uris "URI URI"] [--user EMAIL]\n' +
    '                  [--client-id ID] [--client-secret SECRET] [--skip-authorization] [--algorithm RS256|ES256]\n' +
    '                  [--allowed-origins "ORIGIN ..."] [--post-logout-redirect-uris "URI ..."] [--resource-server] [--json]\n' +
    '  --resource-server: it may introspect any token (RFC 7662 §4), as a resource server whose\n' +
    '                     OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS are this client\'s\n' +
    GRANT_HELP,
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
    const [rawType, grantList, ...extra] = args.positionals;
    const clientType = parseClientType(rawType);
    const grantTypes = parseGrants(grantList);
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const v = args.values as Record<string, string | undefined> & { 'skip-authorization'?: boolean; 'resource-server'?: boolean };
    // RFC 7662 §4: a resource server proves who it is with its secret; a public client has none.
    if (v['resource-server'] && clientType !== 'confidential') throw new UsageError('--resource-server: needs a confidential client (it authenticates with its secret)');
    const algorithm = parseAlgorithm(v.algorithm);
    const ownerId = v.user ? await ownerIdFor(db, v.user) : null;
    try {
      const { application, clientSecret } = await registerApplication(
        createApplicationStore(db.db),
        {
          name: v.name === undefined ? 'Unnamed application' : parseName(v.name),
          clientType,
          grantTypes,
          redirectUris: splitList(v['redirect-uris']),
          postLogoutRedirectUris: splitList(v['post-logout-redirect-uris']),
          allowedOrigins: splitList(v['allowed-origins']),
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
      asUsageError(e);
    }
  },
};
