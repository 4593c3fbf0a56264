/**
 * Who registered the application, as the consent page says it. Never the owner's email: the
 * page is shown to anyone the application sends there, and an address is not theirs to see
 * (issue 15 item 17). The owner's display name, or a phrase that says as much as is known.
 * The words come from the page's language (messages/<locale>/ consent.by*); English by default.
 */
import type { ClientRecord } from '@/lib/oauth/store';

export type RegistrantKey = 'byDynamic' | 'byDocument' | 'byOperator' | 'byOwner' | 'byDeveloper';
export type RegistrantWords = (key: RegistrantKey, values?: { name: string }) => string;

const ENGLISH: RegistrantWords = (key, values) =>
  ({
    byDynamic: 'Registered by the application itself · not verified by the operator',
    byDocument: 'Described by its own published document · not verified by the operator',
    byOperator: 'Registered by the server operator',
    byOwner: `Registered by ${values?.name ?? ''}`,
    byDeveloper: 'Registered by a developer on this server',
  })[key];

export function registrantLine(
  client: Pick<ClientRecord, 'ownerId' | 'registeredVia'>,
  owner: { name: string | null } | null,
  words: RegistrantWords = ENGLISH,
): string {
  if (client.registeredVia === 'dynamic') return words('byDynamic');
  if (client.registeredVia === 'metadata_document') return words('byDocument');
  if (!client.ownerId) return words('byOperator');
  const name = owner?.name?.trim();
  return name ? words('byOwner', { name }) : words('byDeveloper');
}
