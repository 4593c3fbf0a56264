/**
 * Every scope this server offers with its description in the page's language (lib/i18n/scopes.ts
 * decides which text: the operator's translation, the catalogue's for a built-in scope, or the
 * configured one), for the dashboard's lists of scopes. Server-only.
 */
import { getLocale, getMessages } from 'next-intl/server';
import { getSettings } from '@/lib/config/settings';
import { scopeDescription } from './scopes';

export async function localizedScopeDescriptions(): Promise<Record<string, string>> {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const settings = getSettings();
  const builtIn = messages.scopes as Record<string, string>;
  return Object.fromEntries(
    Object.entries(settings.scopes).map(([name, description]) => [name, scopeDescription({ name, description }, locale, settings.scopeTranslations, builtIn)]),
  );
}
