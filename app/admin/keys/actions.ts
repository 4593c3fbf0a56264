'use server';
import { redirect } from 'next/navigation';
import { rotateSigningKeys } from '@/lib/admin/registration-actions';
import { requireOperator } from '@/lib/admin/require-operator';
import { consoleContext } from '@/lib/admin/server-context';
import { getStore } from '@/lib/db';

/** "Rotate now": what `manage rotatekeys` does (new keys sign; the old ones stay published for the grace period). */
export async function rotateKeysAction(): Promise<void> {
  const ctx = await consoleContext(await requireOperator());
  await rotateSigningKeys(ctx, await getStore());
  redirect('/admin/keys?notice=keys_rotated');
}
