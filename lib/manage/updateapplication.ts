import { checkApplicationInput, type GrantType } from '@/lib/applications';
import { createApplicationStore, type OperatorApplicationChanges } from '@/lib/db/applications';
import { digest, randomToken } from '@/lib/oauth/secrets';
import { getSettings } from '@/lib/config/settings';
import { asUsageError, GRANT_HELP, ownerIdFor, parseAlgorithm, parseClientType, parseGrants, parseName, splitList } from './application-flags';
import { UsageError, type Command } from './command';
import { toJson } from './listapplications';

/**
 * Changes any application by client_id, including owner-less ones. Only the flags given change;
 * the result is checked by the same rules as createapplication and the dashboard
 * (`checkApplicationInput`). Operators set the flags owners cannot: skip authorization and
 * resource server (RFC 7662 §4: may introspect any token).
 */
export const updateapplication: Command = {
  name: 'updateapplication',
  summary: 'change an application (any owner, or none): names, URIs, grants, operator-only flags',
  usage:
    'updateapplication <client_id> [--name NAME] [--client-type confidential|public] [--grants GRANT[,GRANT...]]\n' +
    '                  [--redirect-uris "URI ..."] [--post-logout-redirect-uris "URI ..."] [--allowed-origins "ORIGIN ..."]\n' +
    '                  [--user EMAIL | --no-user] [--algorithm RS256|ES256|none]\n' +
    '                  [--skip-authorization | --no-skip-authorization] [--resource-server | --no-resource-server] [--json]\n' +
    GRANT_HELP +
    '\n  A list flag replaces the whole list ("" empties it). Turning a public client confidential prints its new secret once.',
  options: {
    name: { type: 'string' },
    'client-type': { type: 'string' },
    grants: { type: 'string' },
    'redirect-uris': { type: 'string' },
    'post-logout-redirect-uris': { type: 'string' },
    'allowed-origins': { type: 'string' },
    user: { type: 'string' },
    'no-user': { type: 'boolean' },
    algorithm: { type: 'string' },
    'skip-authorization': { type: 'boolean' },
    'resource-server': { type: 'boolean' },
  },
  async run({ args, db, json, out }) {
    const [clientId, ...extra] = args.positionals;
    if (!clientId) throw new UsageError('client_id: expected the client_id of the application to change');
    if (extra.length) throw new UsageError(`unexpected argument "${extra[0]}"`);
    const v = args.values;
    const text = (flag: string) => (typeof v[flag] === 'string' ? (v[flag] as string) : undefined);
    const bool = (flag: string) => (typeof v[flag] === 'boolean' ? (v[flag] as boolean) : undefined);

    const store = createApplicationStore(db.db);
    const app = await store.findApplicationForOperator(clientId);
    if (!app) throw new UsageError(`no application with client_id "${clientId}"`);

    const changes: OperatorApplicationChanges = {
      name: text('name') === undefined ? undefined : parseName(text('name')!),
      clientType: text('client-type') === undefined ? undefined : parseClientType(text('client-type'), '--client-type'),
      grantTypes: text('grants') === undefined ? undefined : keepOthers(app.grantTypes, parseGrants(text('grants'), '--grants')),
      redirectUris: text('redirect-uris') === undefined ? undefined : splitList(text('redirect-uris')),
      postLogoutRedirectUris: text('post-logout-redirect-uris') === undefined ? undefined : splitList(text('post-logout-redirect-uris')),
      allowedOrigins: text('allowed-origins') === undefined ? undefined : splitList(text('allowed-origins')),
      algorithm: text('algorithm') === undefined ? undefined : parseAlgorithm(text('algorithm')),
      skipAuthorization: bool('skip-authorization'),
      resourceServer: bool('resource-server'),
    };
    // --no-user: parseArgs reports it as either no-user: true or (allowNegative) user: false.
    if (v['no-user'] === true || v.user === false) {
      if (typeof v.user === 'string') throw new UsageError('--user and --no-user: give one');
      changes.ownerId = null;
    }
    else if (typeof v.user === 'string') changes.ownerId = await ownerIdFor(db, v.user);
    if (Object.values(changes).every((c) => c === undefined)) throw new UsageError('nothing to change: give at least one flag (see --help)');

    const merged = {
      name: changes.name ?? app.name,
      clientType: changes.clientType ?? app.clientType,
      grantTypes: (changes.grantTypes ?? app.grantTypes).filter((g): g is GrantType => g !== 'refresh_token'),
      redirectUris: changes.redirectUris ?? app.redirectUris,
      postLogoutRedirectUris: changes.postLogoutRedirectUris ?? app.postLogoutRedirectUris,
      allowedOrigins: changes.allowedOrigins ?? app.allowedOrigins,
      resources: app.resources,
      ownerId: changes.ownerId === undefined ? app.ownerId : changes.ownerId,
    };
    try {
      checkApplicationInput(merged, getSettings());
    } catch (e) {
      asUsageError(e);
    }

    // As the dashboard's edit: a public client cannot keep a secret; a confidential one without a secret gets one, shown once.
    let clientSecret: string | null = null;
    if (merged.clientType === 'public') changes.clientSecretDigest = null;
    else if (!app.hasSecret) {
      clientSecret = randomToken();
      changes.clientSecretDigest = digest(clientSecret);
    }
    await store.updateApplication(app.id, changes, new Date());
    const saved = (await store.findApplicationForOperator(clientId))!;
    if (json) {
      out(JSON.stringify({ ...toJson(saved), ...(clientSecret ? { client_secret: clientSecret } : {}) }));
      return;
    }
    out(`updated application "${saved.name}" (${saved.clientId})`);
    if (clientSecret) out(`client_secret: ${clientSecret}   (shown once: store it now)`);
  },
};

/** Grant types the flag does not name (e.g. an explicit refresh_token) stay. */
function keepOthers(current: string[], chosen: GrantType[]): string[] {
  const named = new Set<string>(['authorization_code', 'implicit', 'password', 'client_credentials']);
  return [...chosen, ...current.filter((g) => !named.has(g))];
}
