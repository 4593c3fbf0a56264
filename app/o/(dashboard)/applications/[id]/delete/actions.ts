'use server';
/** Deletes an application for its owner; the database cascades to its tokens, codes and consents. */
import { notFound, redirect } from 'next/navigation';
import { deleteApplication as remove } from '@/lib/applications/service';
import { requireUser } from '@/lib/auth';
import { getApplicationStore } from '@/lib/db';
import { events } from '@/lib/server/events';

export async function deleteApplication(formData: FormData): Promise<void> {
  const id = String(formData.get('id') ?? '');
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}/delete`);
  if (!(await remove(await getApplicationStore(), { id, ownerId: user.id }, events, { type: 'user', id: user.id, label: user.email }))) notFound();
  redirect('/o/applications?deleted=1');
}
