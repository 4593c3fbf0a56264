/**
 * What the consent card says about the client (the authorization request's and the device's):
 * its logo when the operator allows the host (OAUTH2_CLIENT_LOGO_HOSTS), who registered it, and
 * its home page, privacy policy and terms (issue 23), in the page's language.
 */
import { getLocale, getMessages, getTranslations } from 'next-intl/server';
import { ClientLinks } from '@/components/consent/client-links';
import { clientLogoAllowed } from '@/lib/config/branding';
import { getSettings } from '@/lib/config/settings';
import { hostOf, NO_IDENTITY } from '@/lib/consent/client-identity';
import { registrantLine } from '@/lib/consent/registrant';
import { findClientIdentities } from '@/lib/db/client-identity';
import { scopeDescription } from '@/lib/i18n/scopes';
import type { ClientRecord } from '@/lib/oauth/store';

export async function clientHeadingProps(client: ClientRecord, owner: { name: string | null } | null) {
  const t = await getTranslations('consent');
  const identity = (await findClientIdentities([client.id])).get(client.id) ?? NO_IDENTITY;
  return {
    name: client.name,
    logoUri: clientLogoAllowed(identity.logoUri, getSettings().branding.clientLogoHosts) ? identity.logoUri : null,
    registrant: registrantLine(client, owner, (key, values) => t(key, values ?? { name: '' })),
    links: (
      <ClientLinks
        homeUri={identity.clientUri}
        homeHost={identity.clientUri ? hostOf(identity.clientUri) : null}
        policyUri={identity.policyUri}
        tosUri={identity.tosUri}
        labels={{ home: t('homePage'), policy: t('privacyPolicy'), terms: t('termsOfService') }}
      />
    ),
  };
}

/** The requested scopes with their descriptions in the page's language (lib/i18n/scopes.ts). */
export async function localizedScopes(scopes: { name: string; description: string }[]): Promise<{ name: string; description: string }[]> {
  const [locale, messages] = await Promise.all([getLocale(), getMessages()]);
  const builtIn = messages.scopes as Record<string, string>;
  return scopes.map((s) => ({ name: s.name, description: scopeDescription(s, locale, getSettings().scopeTranslations, builtIn) }));
}
