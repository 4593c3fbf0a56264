/**
 * The flags createapplication and updateapplication share, read one way into the application
 * service's input (lib/applications/service.ts). The lists come from lib/applications/options.ts
 * and the rules run in the service; this file only turns command-line text into input and a
 * refusal into one line naming the flag.
 */
import { ALGORITHMS, CLIENT_TYPE_VALUES, GRANTS, isGrantType, type ClientType, type GrantType } from '@/lib/applications/options';
import { ApplicationInputError, DEVICE_CODE_LIFETIME, rateLimitProblem, type ApplicationField } from '@/lib/applications/rules';
import { IDENTITY_FIELDS, IDENTITY_URI_MAX } from '@/lib/applications/identity-rules';
import type { ApplicationUpdate } from '@/lib/applications/service';
import { createUserStore } from '@/lib/db/users';
import type { DbHandle } from '@/lib/db/types';
import { UsageError, type Command } from './command';
import { KEY_FLAGS_HELP, KEY_OPTIONS, KEY_USAGE, readKeyFlags } from './key-flags';
import { POLICY_FLAG_OF, POLICY_HELP, POLICY_OPTIONS, POLICY_USAGE, readPolicyFlags } from './policy-flags';

const DOT_NAMES = GRANTS.map((g) => g.dotName).join(', ');

const WITH_REFRESH = GRANTS.filter((g) => g.refreshTokens).map((g) => g.dotName).join(' and ');
export const GRANT_HELP = `  grants: ${DOT_NAMES} (refresh tokens come with ${WITH_REFRESH})`;

/** The flags both commands take, and how --help shows them. */
export const APPLICATION_OPTIONS = {
  name: { type: 'string' },
  'redirect-uris': { type: 'string' },
  'post-logout-redirect-uris': { type: 'string' },
  'allowed-origins': { type: 'string' },
  resources: { type: 'string' },
  algorithm: { type: 'string' },
  'rate-limit': { type: 'string' },
  user: { type: 'string' },
  'skip-authorization': { type: 'boolean' },
  'resource-server': { type: 'boolean' },
  'device-code-lifetime': { type: 'string' },
  'require-par': { type: 'boolean' },
  ...KEY_OPTIONS,
  ...POLICY_OPTIONS,
  'require-mfa': { type: 'boolean' },
  'require-dpop': { type: 'boolean' },
  'backchannel-logout-uri': { type: 'string' },
  'backchannel-logout-session-required': { type: 'boolean' },
  // Issue 23: who it is, on the consent page (lib/applications/identity-rules.ts).
  'logo-uri': { type: 'string' },
  'client-uri': { type: 'string' },
  'policy-uri': { type: 'string' },
  'tos-uri': { type: 'string' },
} satisfies Command['options'];

export const APPLICATION_USAGE =
  '[--name NAME] [--redirect-uris "URI ..."] [--post-logout-redirect-uris "URI ..."] [--allowed-origins "ORIGIN ..."]\n' +
  '                  [--resources "URI ..."] [--algorithm RS256|ES256|none] [--rate-limit N|default|none]\n' +
  '                  [--device-code-lifetime SECONDS|default] [--require-par | --no-require-par] [--require-dpop | --no-require-dpop]\n' +
  `                  ${KEY_USAGE}\n` +
  `                  ${POLICY_USAGE}\n` +
  '                  [--logo-uri URL] [--client-uri URL] [--policy-uri URL] [--tos-uri URL]';

export const APPLICATION_FLAGS_HELP =
  '  --resources:  RFC 8707 resource URIs it serves as a resource server (its tokens\' audience)\n' +
  '  --rate-limit: requests per minute at token, introspect and revoke: a number, default (the server\'s) or none\n' +
  `  --device-code-lifetime: RFC 8628 device codes expire after SECONDS (${DEVICE_CODE_LIFETIME.min} or more), or default (OAUTH2_DEVICE_CODE_EXPIRE_SECONDS)\n` +
  '  --require-par: RFC 9126 "Require PAR": /o/authorize takes only requests pushed to /o/par\n' +
  KEY_FLAGS_HELP +
  '\n' +
  POLICY_HELP +
  '\n' +
  '  --require-mfa: its users must sign in with two factors (a passkey, or password + code)\n' +
  '  --require-dpop: RFC 9449 "Require DPoP": token requests need a DPoP proof, so every token is bound to the client\'s key\n' +
  '  --backchannel-logout-uri: OIDC Back-Channel Logout: where logout tokens are POSTed when a session that signed in to it ends ("" removes it)\n' +
  '  --backchannel-logout-session-required: it needs sid in logout tokens (they always carry it)\n' +
  '  --logo-uri, --client-uri, --policy-uri, --tos-uri: who it is, shown on the consent page: its logo (shown when\n' +
  `                     OAUTH2_CLIENT_LOGO_HOSTS allows the host), home page, privacy policy and terms; https URLs of at most ${IDENTITY_URI_MAX} characters ("" removes one)`;

export function parseClientType(raw: string | undefined, what = 'client type'): ClientType {
  const type = CLIENT_TYPE_VALUES.find((t) => t === raw);
  if (!type) throw new UsageError(`${what}: expected ${CLIENT_TYPE_VALUES.join(' or ')}`);
  return type;
}

export function parseGrants(list: string | undefined, what = 'grant types'): GrantType[] {
  if (!list) throw new UsageError(`${what}: expected one or more of ${DOT_NAMES}, joined by commas`);
  const grants = list.split(',').map((raw) => {
    const g = raw.trim();
    const mapped = GRANTS.find((o) => o.dotName === g)?.value ?? (isGrantType(g) ? g : undefined);
    if (!mapped) throw new UsageError(`${what} "${raw}": expected one of ${DOT_NAMES}`);
    return mapped;
  });
  return [...new Set(grants)];
}

/** A space-separated list flag ("URI URI"). */
function splitList(raw: string | undefined): string[] {
  return (raw ?? '').split(/\s+/).filter(Boolean);
}

/** '' means no ID tokens (OAuth 2.0 only); "none" says so on the command line. */
function parseAlgorithm(raw: string | undefined): string {
  const algorithm = ALGORITHMS.find((a) => a.cli === raw || (raw === '' && a.value === ''));
  if (raw === undefined || !algorithm) throw new UsageError(`--algorithm: expected ${ALGORITHMS.map((a) => a.cli).filter((c) => c !== 'none').join(', ')} or none`);
  return algorithm.value;
}

/** RFC 8628: default = null (the setting's), else whole seconds (the rules check the range). */
function parseDeviceCodeLifetime(raw: string): number | null {
  if (raw === 'default') return null;
  if (!/^\d+$/.test(raw.trim())) throw new UsageError(`--device-code-lifetime: expected a whole number of seconds (${DEVICE_CODE_LIFETIME.min} or more) or default`);
  return Number(raw);
}

/** The stored rate_limit: default = null (the server's), none = 0, or requests per minute. */
function parseRateLimit(raw: string): number | null {
  if (raw === 'default') return null;
  if (raw === 'none') return 0;
  const problem = rateLimitProblem(raw.trim());
  if (problem) throw new UsageError(`--rate-limit: ${problem.message}, or default or none`);
  return Number(raw);
}

export async function ownerIdFor(db: DbHandle, email: string, flag = '--user'): Promise<string> {
  const user = await createUserStore(db.db).findUserByEmail(email);
  if (!user) throw new UsageError(`${flag}: no user with email ${email}`);
  return user.id;
}

/** The shared flags that were given, as the service's input; absent flags stay absent. */
export async function readApplicationFlags(values: Record<string, string | boolean | undefined>, db: DbHandle): Promise<ApplicationUpdate> {
  const text = (flag: string) => (typeof values[flag] === 'string' ? (values[flag] as string) : undefined);
  const bool = (flag: string) => (typeof values[flag] === 'boolean' ? (values[flag] as boolean) : undefined);
  const list = (flag: string) => (text(flag) === undefined ? undefined : splitList(text(flag)));
  return {
    name: text('name'),
    redirectUris: list('redirect-uris'),
    postLogoutRedirectUris: list('post-logout-redirect-uris'),
    allowedOrigins: list('allowed-origins'),
    resources: list('resources'),
    algorithm: text('algorithm') === undefined ? undefined : parseAlgorithm(text('algorithm')),
    rateLimit: text('rate-limit') === undefined ? undefined : parseRateLimit(text('rate-limit')!),
    skipAuthorization: bool('skip-authorization'),
    resourceServer: bool('resource-server'),
    deviceCodeLifetime: text('device-code-lifetime') === undefined ? undefined : parseDeviceCodeLifetime(text('device-code-lifetime')!),
    requirePushedAuthorizationRequests: bool('require-par'),
    requireMfa: bool('require-mfa'),
    requireDpop: bool('require-dpop'),
    backchannelLogoutUri: text('backchannel-logout-uri'),
    backchannelLogoutSessionRequired: bool('backchannel-logout-session-required'),
    ownerId: text('user') === undefined ? undefined : await ownerIdFor(db, text('user')!),
    logoUri: text('logo-uri'),
    clientUri: text('client-uri'),
    policyUri: text('policy-uri'),
    tosUri: text('tos-uri'),
    ...readKeyFlags(values),
    ...readPolicyFlags(values),
  };
}

const FLAG_OF: Partial<Record<ApplicationField, string>> = {
  name: '--name',
  redirectUris: '--redirect-uris',
  postLogoutRedirectUris: '--post-logout-redirect-uris',
  clientId: '--client-id',
  grantTypes: 'grant types',
  allowedOrigins: '--allowed-origins',
  resources: '--resources',
  rateLimit: '--rate-limit',
  resourceServer: '--resource-server',
  algorithm: '--algorithm',
  deviceCodeLifetime: '--device-code-lifetime',
  tokenEndpointAuthMethod: '--token-endpoint-auth-method',
  jwks: '--jwks',
  jwksUri: '--jwks-uri',
  accessTokenFormat: '--access-token-format',
  requireDpop: '--require-dpop',
  backchannelLogoutUri: '--backchannel-logout-uri',
  ...Object.fromEntries(IDENTITY_FIELDS.map((f) => [f.field, f.flag])),
  ...POLICY_FLAG_OF,
};

/** An application rule's refusal as the command's one line; anything else is rethrown. */
export function asUsageError(e: unknown): never {
  if (e instanceof ApplicationInputError) throw new UsageError(`${FLAG_OF[e.field] ?? e.field}: ${e.message}`);
  throw e;
}
