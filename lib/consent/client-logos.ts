/**
 * Client logos for lists of applications (issue 23: the authorized-applications page), by the
 * consent page's rule: an application's logo_uri, only when its host is one the operator allowed
 * (OAUTH2_CLIENT_LOGO_HOSTS), else none and the monogram shows. One query for the whole list.
 */
import { clientLogoAllowed } from '@/lib/config/branding';
import { getSettings } from '@/lib/config/settings';
import { findClientIdentities } from '@/lib/db/client-identity';
import type { ClientIdentity } from './client-identity';

/** `items` with `logoUri` set to the logo each may show (null: the monogram). */
export async function withClientLogos<T extends { applicationId: string }>(items: T[]): Promise<(T & { logoUri: string | null })[]> {
  const hosts = getSettings().branding.clientLogoHosts;
  // No host allowed (the default): no logo can show, so nothing to read.
  const identities = hosts.length ? await findClientIdentities(items.map((i) => i.applicationId)) : new Map<string, ClientIdentity>();
  return items.map((item) => {
    const logoUri = identities.get(item.applicationId)?.logoUri ?? null;
    return { ...item, logoUri: clientLogoAllowed(logoUri, hosts) ? logoUri : null };
  });
}
