import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { redirect } from 'next/navigation';
import { brandName } from '@/components/logo';
import { LeavingNotice } from '@/components/consent/leaving-notice';
import { RequestError } from '@/components/consent/request-error';
import { getStore } from '@/lib/db';
import { currentIssuer } from '@/lib/config/issuer';
import { isClientTarget, isUnverifiedClient } from '@/lib/oauth/leaving';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('leaving'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * The interstitial in front of redirects to self-registered clients (lib/oauth/leaving.ts). Its
 * query can be edited by anyone, so the target must be one of the named client's registered URIs;
 * anything else is an error page, never a link.
 */
export default async function LeavingPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const clientId = first(params.client_id) ?? '';
  const to = first(params.to) ?? '';
  const client = clientId ? await (await getStore()).findApplicationByClientId(clientId) : null;
  const t = await getTranslations('leaving');
  if (!client || !isClientTarget(client, to)) {
    return <RequestError description={t('badLink')} advice={t('badLinkAdvice')} />;
  }
  const url = new URL(to);
  const destination = url.host || t('onDevice', { scheme: url.protocol.slice(0, -1) });
  const server = `${brandName()} (${new URL(await currentIssuer()).host})`;
  // A vetted client is never sent here; a link edited to name one just goes on.
  if (!isUnverifiedClient(client)) redirect(to);
  const via = client.registeredVia === 'metadata_document' ? 'metadata_document' : 'dynamic';
  return <LeavingNotice server={server} clientName={client.name} via={via} destination={destination} href={to} />;
}
