/**
 * The application form's one schema: the register and edit forms validate with it in the
 * browser (react-hook-form + zodResolver) and their server actions validate the same FormData
 * again (form-state.ts). Every check is a rule from rules.ts; here they only get their form
 * wording (capitalised, beside the field). The settings-dependent redirect URI rules (https
 * only, http for loopback, the schemes the operator allows) run on the server, in the service.
 *
 * "Skip authorization" is not a field: only operators set it (`manage createapplication
 * --skip-authorization`, `manage updateapplication`), so a crafted POST naming it is ignored here
 * and never reaches the store (a stranger's app could otherwise skip the consent page).
 */
import { z } from 'zod';
import type { ApplicationDetails } from '@/lib/dashboard/views';
import {
  ALGORITHM_VALUES,
  CLIENT_TYPE_VALUES,
  GRANT_TYPES,
  isGrantType,
  rateLimitMode,
  RATE_LIMIT_MODE_VALUES,
  type GrantType,
} from './options';
import { confidentialGrantProblem, listProblem, nameProblem, rateLimitProblem, redirectUrisRequired, sentence, type Problem } from './rules';

/** One URI per line; blank lines and surrounding spaces are ignored. */
function splitLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A textarea of one value per line → the list, checked by the list's rule (the shape rules: no settings in the browser). */
function lines(field: Parameters<typeof listProblem>[0]) {
  return z
    .string()
    .max(20_000, 'Too long')
    .transform(splitLines)
    .superRefine((values, ctx) => {
      const problem = listProblem(field, values, null);
      if (problem) ctx.addIssue({ code: 'custom', message: sentence(problem) });
    });
}

const issue = (ctx: z.RefinementCtx, problem: Problem | null, path: string = problem?.field ?? '') => {
  if (problem) ctx.addIssue({ code: 'custom', path: [path], message: sentence(problem) });
};

const fields = {
  name: z.string().trim().superRefine((name, ctx) => {
    const problem = nameProblem(name);
    if (problem) ctx.addIssue({ code: 'custom', message: `Name ${problem.message}` });
  }),
  clientType: z.enum(CLIENT_TYPE_VALUES, 'Choose a client type'),
  grantTypes: z
    .array(z.enum(GRANT_TYPES, 'Unknown grant type'), 'Choose at least one grant type')
    .min(1, 'Choose at least one grant type')
    .transform((grants) => [...new Set(grants)]),
  redirectUris: lines('redirectUris'),
  postLogoutRedirectUris: lines('postLogoutRedirectUris'),
  allowedOrigins: lines('allowedOrigins'),
  resources: lines('resources'),
  algorithm: z.enum(ALGORITHM_VALUES, 'Choose RS256, ES256 or none'),
  rateLimitMode: z.enum(RATE_LIMIT_MODE_VALUES, 'Choose the default, a custom limit or no limit'),
  rateLimitPerMinute: z.string().trim().max(20, 'Too long'),
  /** Issue 22 "Require two-factor sign-in". */
  requireMfa: z.boolean(),
};

export const applicationSchema = z.object(fields).superRefine((app, ctx) => {
  if (app.rateLimitMode === 'custom') issue(ctx, rateLimitProblem(app.rateLimitPerMinute), 'rateLimitPerMinute');
  issue(ctx, redirectUrisRequired(app.grantTypes, app.redirectUris));
  issue(ctx, confidentialGrantProblem(app.clientType, app.grantTypes));
});

/** What the form holds: the textareas are strings. */
export type ApplicationFormValues = z.input<typeof applicationSchema>;
/** What the server stores: the textareas are lists. */
export type ApplicationData = z.output<typeof applicationSchema>;
export type ApplicationFormField = keyof ApplicationFormValues;

export const APPLICATION_FORM_FIELDS = Object.keys(fields) as ApplicationFormField[];

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
    requireMfa: formData.get('requireMfa') === 'on',
  };
}

/** The stored rate_limit column from the form: null = the settings', 0 = no limit. */
function rateLimitFrom(data: Pick<ApplicationData, 'rateLimitMode' | 'rateLimitPerMinute'>): number | null {
  if (data.rateLimitMode === 'none') return 0;
  return data.rateLimitMode === 'custom' ? Number(data.rateLimitPerMinute) : null;
}

/** The form's data as the service takes it: its two rate-limit fields become the one rate_limit column. */
export function storedApplication(data: ApplicationData) {
  const { rateLimitMode, rateLimitPerMinute, ...rest } = data;
  return { ...rest, rateLimit: rateLimitFrom({ rateLimitMode, rateLimitPerMinute }) };
}

/** What the edit form starts from: a stored application's columns (as the dashboard reads them). */
type StoredApplicationFields = Pick<ApplicationDetails, 'name' | 'clientType' | 'grantTypes' | 'redirectUris' | 'postLogoutRedirectUris' | 'allowedOrigins' | 'algorithm'> &
  Partial<Pick<ApplicationDetails, 'resources' | 'rateLimit' | 'requireMfa'>>;

/** A stored application as the edit form's starting values. */
export function applicationToFormValues(app: StoredApplicationFields): ApplicationFormValues {
  const rateLimit = app.rateLimit ?? null;
  return {
    name: app.name,
    clientType: app.clientType,
    grantTypes: app.grantTypes.filter((g): g is GrantType => isGrantType(g)),
    redirectUris: app.redirectUris.join('\n'),
    postLogoutRedirectUris: app.postLogoutRedirectUris.join('\n'),
    allowedOrigins: app.allowedOrigins.join('\n'),
    resources: (app.resources ?? []).join('\n'),
    algorithm: (ALGORITHM_VALUES as readonly string[]).includes(app.algorithm) ? (app.algorithm as ApplicationFormValues['algorithm']) : '',
    rateLimitMode: rateLimitMode(rateLimit),
    rateLimitPerMinute: rateLimit ? String(rateLimit) : '',
    requireMfa: app.requireMfa ?? false,
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
  requireMfa: false,
};

/** What the register and edit actions answer; the form shows it (a panel with the secret on success). */
export type ApplicationFormState =
  | { ok: false; fieldErrors?: Partial<Record<ApplicationFormField, string[]>>; formError?: string; values: ApplicationFormValues }
  | { ok: true; id: string; name: string; clientId: string; clientSecret: string | null }
  | null;
