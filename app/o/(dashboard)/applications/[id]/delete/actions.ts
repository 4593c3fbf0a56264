'use server';
/** Deletes an application for its owner; the database cascades to its tokens, codes and consents. */
import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import { events } from '@/lib/server/events';
import { announceRevokedTokens } from '@/lib/server/revocation-events';

export async function deleteApplication(formData: FormData): Promise<void> {
  const id = String(formData.get('id') ?? '');
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}/delete`);
  const deleted = await (await getDashboardStore()).deleteApplicationForOwner(id, user.id, (r) => announceRevokedTokens(events, r));
  if (!deleted) notFound();
  redirect('/o/applications?deleted=1');
}
