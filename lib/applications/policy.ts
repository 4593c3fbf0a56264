/**
 * An application's own policy (issue 19): the scopes it may request and its token lifetimes.
 * Rules in rules.ts's shape (`{ field, message } | null`), browser-safe, so the form's schema,
 * the service (dashboard and CLI) and dynamic registration word the same refusal their own way.
 */
import { PRIVILEGED_SCOPES } from '@/lib/oauth/client-scopes';
import type { Settings } from '@/lib/oauth/settings';
import { allowedScopesFor } from '@/lib/oauth/client-scopes';
import type { Problem } from './rules';

/**
 * Lifetimes in seconds an application may choose. Below the minimums a client spends its time
 * refreshing; above the maximums a leaked token stays useful for too long.
 */
export const LIFETIME_BOUNDS = {
  accessTokenLifetime: { min: 60, max: 7 * 86400, label: 'access token lifetime' },
  refreshTokenLifetime: { min: 300, max: 365 * 86400, label: 'refresh token lifetime' },
  idTokenLifetime: { min: 60, max: 7 * 86400, label: 'ID token lifetime' },
} as const;
export type LifetimeField = keyof typeof LIFETIME_BOUNDS;
export const LIFETIME_FIELDS = Object.keys(LIFETIME_BOUNDS) as LifetimeField[];

/** Null (the server's setting) or a whole number of seconds within the bounds. */
export function lifetimeProblem(field: LifetimeField, seconds: number | null | undefined): Problem | null {
  if (seconds === null || seconds === undefined) return null;
  const { min, max, label } = LIFETIME_BOUNDS[field];
  if (Number.isInteger(seconds) && seconds >= min && seconds <= max) return null;
  return { field, message: `the ${label} must be a whole number of seconds from ${min} to ${max.toLocaleString('en')}` };
}

/** Each scope offered by the server (OAUTH2_SCOPES); privileged ones only for an operator's resource server. */
export function allowedScopesProblem(scopes: readonly string[] | null | undefined, settings: Pick<Settings, 'scopes'>, resourceServer = false): Problem | null {
  if (!scopes) return null;
  const unknown = scopes.find((s) => !Object.hasOwn(settings.scopes, s));
  if (unknown !== undefined) return { field: 'allowedScopes', message: `"${unknown}" is not a scope this server offers`, value: unknown };
  const privileged = scopes.find((s) => PRIVILEGED_SCOPES.includes(s));
  if (privileged && !resourceServer) {
    return { field: 'allowedScopes', message: `"${privileged}" is only for applications an operator has marked as resource servers`, value: privileged };
  }
  return null;
}

export interface PolicyInput {
  allowedScopes?: readonly string[] | null;
  accessTokenLifetime?: number | null;
  refreshTokenLifetime?: number | null;
  idTokenLifetime?: number | null;
  resourceServer?: boolean;
}

export function policyProblem(input: PolicyInput, settings: Pick<Settings, 'scopes'>): Problem | null {
  return allowedScopesProblem(input.allowedScopes, settings, input.resourceServer) ?? LIFETIME_FIELDS.reduce<Problem | null>((p, f) => p ?? lifetimeProblem(f, input[f]), null);
}

/** The scopes a new application starts with on the form: the server's defaults plus `openid profile email`, those offered. */
export function initialScopes(settings: Pick<Settings, 'scopes' | 'defaultScopes'>): string[] {
  const wanted = new Set([...settings.defaultScopes, 'openid', 'profile', 'email']);
  return Object.keys(settings.scopes).filter((s) => wanted.has(s) && !PRIVILEGED_SCOPES.includes(s));
}

/** The form's scope checklist: each offered scope with its description; privileged ones only for a resource server. */
export function scopeOptions(settings: Pick<Settings, 'scopes'>, resourceServer = false): { value: string; label: string; description: string }[] {
  return Object.entries(settings.scopes)
    .filter(([name]) => resourceServer || !PRIVILEGED_SCOPES.includes(name))
    .map(([name, description]) => ({ value: name, label: name, description }));
}

/**
 * What the register and edit pages give the form: the checklist, what a blank lifetime means
 * (the settings' seconds; null: no expiry; the form words it in the page's language), and the
 * edit form's checked scopes.
 */
export function formPolicy(
  settings: Pick<Settings, 'scopes' | 'accessTokenExpireSeconds' | 'refreshTokenExpireSeconds' | 'idTokenExpireSeconds'>,
  app?: { allowedScopes: string[] | null; resourceServer: boolean },
) {
  const lifetimeSeconds: Record<LifetimeField, number | null> = {
    accessTokenLifetime: settings.accessTokenExpireSeconds,
    refreshTokenLifetime: settings.refreshTokenExpireSeconds,
    idTokenLifetime: settings.idTokenExpireSeconds,
  };
  return {
    scopes: scopeOptions(settings, app?.resourceServer),
    lifetimeSeconds,
    checked: app ? allowedScopesFor(app, settings) : [],
  };
}

/** "Keep the old secret working for …" on the dashboard (issue 19): the choices, in seconds; at most 7 days. */
export const OVERLAP_OPTIONS = [
  { value: '0', label: 'None: it stops working now' },
  { value: '3600', label: '1 hour' },
  { value: '86400', label: '24 hours' },
  { value: '604800', label: '7 days' },
] as const;
