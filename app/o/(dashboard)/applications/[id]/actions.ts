'use server';
/**
 * A new client secret for a confidential application, for its owner only. The old secret
 * stops working with the next request; the new one is returned to be shown once.
 */
import { notFound } from 'next/navigation';
import type { RotateSecretState } from '@/components/applications/rotate-secret-form';
import { rotateSecret as rotate } from '@/lib/applications/service';
import { requireUser } from '@/lib/auth';
import { getApplicationStore } from '@/lib/db';

export async function rotateSecret(id: string): Promise<RotateSecretState> {
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}`);
  const clientSecret = await rotate(await getApplicationStore(), { id, ownerId: user.id }, { type: 'user', id: user.id, label: user.email });
  if (!clientSecret) notFound();
  return { ok: true, clientSecret };
}
