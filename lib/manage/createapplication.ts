import { registerApplication } from '@/lib/applications/service';
import { createApplicationStore } from '@/lib/db/applications';
import { getSettings } from '@/lib/config/settings';
import { APPLICATION_FLAGS_HELP, APPLICATION_OPTIONS, APPLICATION_USAGE, asUsageError, GRANT_HELP, parseClientType, parseGrants, readApplicationFlags } from './application-flags';
import { commandLineActor } from '@/lib/admin/cli-context';
import { UsageError, type Command } from './command';

/** Registers an application through the same service as the dashboard's register page; the flags are the form's fields plus the operator-only ones. */
export const createapplication: Command = {
  name: 'createapplication',
  summary: 'register an application and print its credentials (the secret is shown only here)',
  usage:
    'createapplication <confidential|public> <grant[,grant...]> [--user EMAIL] [--client-id ID] [--client-secret SECRET]\n' +
    `                  ${APPLICATION_USAGE}\n` +
    '                  [--skip-authorization] [--resource-server] [--json]\n' +
    '  --resource-server: it may introspect any token (RFC 7662 §4), as a resource server whose\n' +
    '                     OAUTH2_RESOURCE_SERVER_INTROSPECTION_CREDENTIALS are this client\'s\n' +
    `${APPLICATION_FLAGS_HELP}\n` +
    GRANT_HELP,
  options: {
    ...APPLICATION_OPTIONS,
    'client-id': { type: 'string' },
    'client-secret': { type: 'string' },
  },
  async run({ args, db, json, out }) {
    const [rawType, grantList, ...extra] = args.positionals;
    const clientType = parseClientType(rawType);
    const grantTypes = parseGrants(grantList);
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const flags = await readApplicationFlags(args.values, db);
    const text = (flag: string) => (typeof args.values[flag] === 'string' ? (args.values[flag] as string) : undefined);
    try {
      const { application, clientSecret } = await registerApplication(
        createApplicationStore(db.db),
        {
          ...flags,
          name: flags.name ?? 'Unnamed application',
          clientType,
          grantTypes,
          redirectUris: flags.redirectUris ?? [],
          ownerId: flags.ownerId ?? null,
          clientId: text('client-id'),
          clientSecret: text('client-secret'),
        },
        getSettings(),
        commandLineActor(),
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
