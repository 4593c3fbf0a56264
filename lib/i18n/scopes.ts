/**
 * A scope's description in the page's language (issue 23): the operator's own translation from
 * OAUTH2_SCOPES first; for a built-in scope whose description the operator left as shipped, the
 * message catalogue's (messages/<locale>/ `scopes`); otherwise the description as configured.
 */
import { defaultSettings } from '@/lib/oauth/settings';

export function scopeDescription(
  scope: { name: string; description: string },
  locale: string,
  operatorTranslations: Record<string, Record<string, string>>,
  builtIn: Record<string, string>,
): string {
  const own = operatorTranslations[scope.name];
  if (own) return own[locale] ?? own[locale.split('-')[0]!] ?? scope.description;
  const shipped = defaultSettings.scopes[scope.name];
  if (shipped !== undefined && shipped === scope.description) return builtIn[scope.name] ?? scope.description;
  return scope.description;
}
