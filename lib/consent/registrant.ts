/**
 * Who registered the application, as the consent page says it. Never the owner's email: the
 * page is shown to anyone the application sends there, and an address is not theirs to see
 * (issue 15 item 17). The owner's display name, or a phrase that says as much as is known.
 */
import type { ClientRecord } from '@/lib/oauth/store';

export function registrantLine(client: Pick<ClientRecord, 'ownerId' | 'registeredVia'>, owner: { name: string | null } | null): string {
  if (client.registeredVia === 'dynamic') return 'Registered by the application itself · not verified by the operator';
  if (client.registeredVia === 'metadata_document') return 'Described by its own published document · not verified by the operator';
  if (!client.ownerId) return 'Registered by the server operator';
  const name = owner?.name?.trim();
  return name ? `Registered by ${name}` : 'Registered by a developer on this server';
}
