'use server';
/**
 * Revokes an authorization the signed-in user granted: every access and refresh token of that
 * application for this user stops working at once, and the consent is forgotten. Another
 * user's authorization id is a 404.
 */
import { notFound, redirect } from 'next/navigation';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import { events } from '@/lib/server/events';
import { announceRevokedTokens } from '@/lib/server/revocation-events';

export async function revokeAuthorization(formData: FormData): Promise<void> {
  const id = String(formData.get('id') ?? '');
  const user = await requireUser(`/o/authorized-tokens/${encodeURIComponent(id)}/delete`);
  const revoked = await (await getDashboardStore()).revokeAuthorizationForUser(id, user.id, new Date(), (r) =>
    announceRevokedTokens(events, r, { source: 'user', userId: user.id }),
  );
  if (!revoked) notFound();
  redirect('/o/authorized-tokens?revoked=1');
}
