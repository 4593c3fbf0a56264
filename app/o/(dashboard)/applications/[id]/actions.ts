'use server';
/**
 * A new client secret for a confidential application, for its owner only. The old secret
 * stops working with the next request (only the new digest is stored); the new one is
 * returned to be shown once.
 */
import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import type { RotateSecretState } from '@/components/applications/rotate-secret-form';
import { digest, randomToken } from '@/lib/oauth/secrets';

export async function rotateSecret(id: string): Promise<RotateSecretState> {
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}`);
  const clientSecret = randomToken();
  const rotated = await (await getDashboardStore()).rotateSecretForOwner(id, user.id, digest(clientSecret));
  if (!rotated) notFound();
  return { ok: true, clientSecret };
}
