'use server';
/**
 * A new client secret for a confidential application, for its owner only, optionally keeping
 * the old one working for a while (issue 19); the new one is returned to be shown once. And
 * "Revoke now": the kept previous secret stops working at once.
 */
import { getTranslations } from 'next-intl/server';
import { revalidatePath } from 'next/cache';
import { notFound, redirect } from 'next/navigation';
import type { RotateSecretState } from '@/components/applications/rotate-secret-form';
import { OVERLAP_OPTIONS } from '@/lib/applications/policy';
import { revokePreviousSecret as revokePrevious, rotateSecret as rotate, setApplicationDisabledByOwner } from '@/lib/applications/service';
import { requireUser } from '@/lib/auth';
import { getApplicationStore } from '@/lib/db';

export async function rotateSecret(id: string, _prev: RotateSecretState, formData: FormData): Promise<RotateSecretState> {
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}`);
  const raw = formData.get('overlap');
  const choice = OVERLAP_OPTIONS.find((o) => o.value === (typeof raw === 'string' ? raw : '0'));
  if (!choice) return { ok: false, error: (await getTranslations('dashboard.errors'))('chooseOverlap') };
  const overlap = Number(choice.value);
  const clientSecret = await rotate(await getApplicationStore(), { id, ownerId: user.id }, { type: 'user', id: user.id, label: user.email }, overlap);
  if (!clientSecret) notFound();
  revalidatePath(`/o/applications/${id}`);
  return { ok: true, clientSecret, overlap: overlap ? choice.value : null };
}

export async function revokePreviousSecret(id: string): Promise<void> {
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}`);
  await revokePrevious(await getApplicationStore(), { id, ownerId: user.id }, { type: 'user', id: user.id, label: user.email });
  revalidatePath(`/o/applications/${id}`);
}

/** The owner's disable/enable switch: the operators' flag, so the same enforcement. */
export async function setDisabled(id: string, disabled: boolean): Promise<void> {
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}`);
  const result = await setApplicationDisabledByOwner(await getApplicationStore(), { id, ownerId: user.id }, disabled, { type: 'user', id: user.id, label: user.email });
  if (!result) notFound();
  redirect(`/o/applications/${id}${result === 'refused' ? '?status=operator' : ''}`);
}
