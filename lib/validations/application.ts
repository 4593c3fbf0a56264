/**
 * The application form's one schema: the register and edit forms validate with it in the
 * browser (react-hook-form + zodResolver) and their server actions validate the same FormData
 * again. It checks what needs no settings (absolute URIs, no fragments, no wildcards, origins);
 * the server then applies the settings-dependent rules with `checkApplicationInput`
 * (lib/applications/index.ts: https only, http for loopback, custom schemes the operator allows).
 *
 * "Skip authorization" is not a field: only operators set it (`manage createapplication
 * --skip-authorization`, `manage updateapplication`), so a crafted POST naming it is ignored here
 * and never reaches the store (a stranger's app could otherwise skip the consent page).
 */
import { z } from 'zod';
import type { ApplicationChanges } from '@/lib/db/dashboard';
import { redirectUriShapeProblem } from '@/lib/oauth/redirect-uri';
import type { GrantType } from '@/lib/applications';

/** lib/applications/index.ts's GRANT_TYPES, repeated here because that module needs node:crypto and this one runs in the browser too. */
export const GRANT_TYPES = ['authorization_code', 'implicit', 'password', 'client_credentials'] as const satisfies readonly GrantType[];
export const CLIENT_TYPES = ['confidential', 'public'] as const;
export const ALGORITHMS = ['', 'RS256', 'ES256'] as const;
/** An application's rate limit: the server's settings, its own requests per minute, or none. */
export const RATE_LIMIT_MODES = ['default', 'custom', 'none'] as const;
export const MAX_RATE_LIMIT = 1_000_000;

/** One URI per line; blank lines and surrounding spaces are ignored. */
export function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A CORS origin: scheme://host[:port], nothing after it. */
export function originProblem(origin: string): string | null {
  try {
    const u = new URL(origin);
    if ((u.protocol === 'https:' || u.protocol === 'http:') && u.origin === origin) return null;
  } catch {
    /* not a URL */
  }
  return 'is not an origin (scheme://host[:port], no path)';
}

/** RFC 8707 §2: a resource indicator is an absolute URI without a fragment. */
export function resourceUriProblem(uri: string): string | null {
  try {
    new URL(uri);
  } catch {
    return 'is not an absolute URI';
  }
  return uri.includes('#') ? 'must not have a fragment (#)' : null;
}

/** A textarea of one value per line → the list, each line checked; the first problem is the field's message. */
function lines(check: (value: string) => string | null, max: number) {
  return z
    .string()
    .max(20_000, 'Too long')
    .transform(splitLines)
    .superRefine((values, ctx) => {
      if (values.length > max) {
        ctx.addIssue({ code: 'custom', message: `At most ${max} entries` });
        return;
      }
      for (const value of values) {
        const problem = check(value);
        if (problem) {
          ctx.addIssue({ code: 'custom', message: `${value} ${problem}` });
          return;
        }
      }
    });
}

export const applicationSchema = z
  .object({
    name: z.string().trim().min(1, 'Enter a name people will recognise').max(255, 'Name must be at most 255 characters'),
    clientType: z.enum(CLIENT_TYPES, 'Choose a client type'),
    grantTypes: z
      .array(z.enum(GRANT_TYPES, 'Unknown grant type'), 'Choose at least one grant type')
      .min(1, 'Choose at least one grant type')
      .transform((grants) => [...new Set(grants)]),
    redirectUris: lines(redirectUriShapeProblem, 50),
    postLogoutRedirectUris: lines(redirectUriShapeProblem, 50),
    allowedOrigins: lines(originProblem, 50),
    resources: lines(resourceUriProblem, 20),
    algorithm: z.enum(ALGORITHMS, 'Choose RS256, ES256 or none'),
    rateLimitMode: z.enum(RATE_LIMIT_MODES, 'Choose the default, a custom limit or no limit'),
    rateLimitPerMinute: z.string().trim().max(20, 'Too long'),
  })
  .superRefine((app, ctx) => {
    if (app.rateLimitMode === 'custom') {
      const n = Number(app.rateLimitPerMinute);
      if (!/^\d+$/.test(app.rateLimitPerMinute) || n < 1 || n > MAX_RATE_LIMIT) {
        ctx.addIssue({ code: 'custom', path: ['rateLimitPerMinute'], message: `Enter a whole number of requests per minute, from 1 to ${MAX_RATE_LIMIT.toLocaleString('en')}` });
      }
    }
    const redirecting = app.grantTypes.includes('authorization_code') || app.grantTypes.includes('implicit');
    if (redirecting && app.redirectUris.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['redirectUris'],
        message: 'The authorization code and implicit grants need at least one redirect URI',
      });
    }
    if (app.clientType === 'public' && app.grantTypes.includes('client_credentials')) {
      ctx.addIssue({ code: 'custom', path: ['grantTypes'], message: 'Client credentials needs a confidential client' });
    }
  });

/** What the form holds: the textareas are strings. */
export type ApplicationFormValues = z.input<typeof applicationSchema>;
/** What the server stores: the textareas are lists. */
export type ApplicationData = z.output<typeof applicationSchema>;
export type ApplicationField = keyof ApplicationFormValues;

export const APPLICATION_FIELDS = [
  'name',
  'clientType',
  'grantTypes',
  'redirectUris',
  'postLogoutRedirectUris',
  'allowedOrigins',
  'resources',
  'algorithm',
  'rateLimitMode',
  'rateLimitPerMinute',
] as const satisfies readonly ApplicationField[];

/**
 * The submitted form as the schema reads it. Not `Object.fromEntries(formData)`: grant types
 * are several checkboxes of one name, and an unchecked checkbox sends nothing.
 */
export function applicationFormValues(formData: FormData): ApplicationFormValues {
  const text = (name: string) => {
    const v = formData.get(name);
    return typeof v === 'string' ? v : '';
  };
  return {
    name: text('name'),
    clientType: text('clientType') as ApplicationFormValues['clientType'],
    grantTypes: formData.getAll('grantTypes').filter((v): v is string => typeof v === 'string') as ApplicationFormValues['grantTypes'],
    redirectUris: text('redirectUris'),
    postLogoutRedirectUris: text('postLogoutRedirectUris'),
    allowedOrigins: text('allowedOrigins'),
    resources: text('resources'),
    algorithm: text('algorithm') as ApplicationFormValues['algorithm'],
    // A form without the field (an older page) keeps the settings' limit.
    rateLimitMode: (text('rateLimitMode') || 'default') as ApplicationFormValues['rateLimitMode'],
    rateLimitPerMinute: text('rateLimitPerMinute'),
  };
}

/** The stored rate_limit column from the form: null = the settings', 0 = no limit. */
export function rateLimitFrom(data: Pick<ApplicationData, 'rateLimitMode' | 'rateLimitPerMinute'>): number | null {
  if (data.rateLimitMode === 'none') return 0;
  return data.rateLimitMode === 'custom' ? Number(data.rateLimitPerMinute) : null;
}

/** The form's data as stored: its two rate-limit fields become the one rate_limit column. */
export function storedApplication(data: ApplicationData) {
  const { rateLimitMode, rateLimitPerMinute, ...rest } = data;
  return { ...rest, rateLimit: rateLimitFrom({ rateLimitMode, rateLimitPerMinute }) };
}

/** A stored application as the edit form's starting values. */
export function applicationToFormValues(app: Omit<ApplicationChanges, 'clientSecretDigest'>): ApplicationFormValues {
  const rateLimit = app.rateLimit ?? null;
  return {
    name: app.name,
    clientType: app.clientType,
    grantTypes: app.grantTypes.filter((g): g is GrantType => (GRANT_TYPES as readonly string[]).includes(g)),
    redirectUris: app.redirectUris.join('\n'),
    postLogoutRedirectUris: app.postLogoutRedirectUris.join('\n'),
    allowedOrigins: app.allowedOrigins.join('\n'),
    resources: (app.resources ?? []).join('\n'),
    algorithm: (ALGORITHMS as readonly string[]).includes(app.algorithm) ? (app.algorithm as ApplicationFormValues['algorithm']) : '',
    rateLimitMode: rateLimit === null ? 'default' : rateLimit === 0 ? 'none' : 'custom',
    rateLimitPerMinute: rateLimit ? String(rateLimit) : '',
  };
}

export const EMPTY_APPLICATION: ApplicationFormValues = {
  name: '',
  clientType: 'confidential',
  grantTypes: ['authorization_code'],
  redirectUris: '',
  postLogoutRedirectUris: '',
  allowedOrigins: '',
  resources: '',
  algorithm: '',
  rateLimitMode: 'default',
  rateLimitPerMinute: '',
};

/** What the register and edit actions answer; the form shows it (a panel with the secret on success). */
export type ApplicationFormState =
  | { ok: false; fieldErrors?: Partial<Record<ApplicationField, string[]>>; formError?: string; values: ApplicationFormValues }
  | { ok: true; id: string; name: string; clientId: string; clientSecret: string | null }
  | null;
