import { updateApplication } from '@/lib/applications/service';
import { createApplicationStore } from '@/lib/db/applications';
import { getSettings } from '@/lib/config/settings';
import { APPLICATION_FLAGS_HELP, APPLICATION_OPTIONS, APPLICATION_USAGE, asUsageError, GRANT_HELP, parseClientType, parseGrants, readApplicationFlags } from './application-flags';
import { commandLineActor } from '@/lib/admin/cli-context';
import { UsageError, type Command } from './command';
import { toJson } from './listapplications';

/**
 * Changes any application by client_id, including owner-less ones, through the same service as
 * the dashboard's edit page: only the flags given change, and the result is checked by the same
 * rules. Operators set the flags owners cannot: skip authorization, resource server (RFC 7662 §4:
 * may introspect any token) and the owner.
 */
export const updateapplication: Command = {
  name: 'updateapplication',
  summary: 'change an application (any owner, or none): names, URIs, grants, operator-only flags',
  usage:
    'updateapplication <client_id> [--client-type confidential|public] [--grants GRANT[,GRANT...]]\n' +
    `                  ${APPLICATION_USAGE}\n` +
    '                  [--user EMAIL | --no-user]\n' +
    '                  [--skip-authorization | --no-skip-authorization] [--resource-server | --no-resource-server] [--json]\n' +
    `${APPLICATION_FLAGS_HELP}\n` +
    GRANT_HELP +
    '\n  A list flag replaces the whole list ("" empties it). Turning a public client confidential prints its new secret once.',
  options: {
    ...APPLICATION_OPTIONS,
    'client-type': { type: 'string' },
    grants: { type: 'string' },
    'no-user': { type: 'boolean' },
  },
  async run({ args, db, json, out }) {
    const [clientId, ...extra] = args.positionals;
    if (!clientId) throw new UsageError('client_id: expected the client_id of the application to change');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const v = args.values;
    const changes = await readApplicationFlags(v, db);
    if (typeof v['client-type'] === 'string') changes.clientType = parseClientType(v['client-type'], '--client-type');
    if (typeof v.grants === 'string') changes.grantTypes = parseGrants(v.grants, '--grants');
    // --no-user: parseArgs reports it as either no-user: true or (allowNegative) user: false.
    if (v['no-user'] === true || v.user === false) {
      if (typeof v.user === 'string') throw new UsageError('--user and --no-user: give one');
      changes.ownerId = null;
    }
    if (Object.values(changes).every((c) => c === undefined)) throw new UsageError('nothing to change: give at least one flag (see --help)');

    let saved;
    try {
      saved = await updateApplication(createApplicationStore(db.db), { clientId }, changes, getSettings(), commandLineActor());
    } catch (e) {
      asUsageError(e);
    }
    if (!saved) throw new UsageError(`no application with client_id "${clientId}"`);
    const { application, clientSecret } = saved;
    if (json) {
      out(JSON.stringify({ ...toJson(application), ...(clientSecret ? { client_secret: clientSecret } : {}) }));
      return;
    }
    out(`updated application "${application.name}" (${application.clientId})`);
    if (clientSecret) out(`client_secret: ${clientSecret}   (shown once: store it now)`);
  },
};
