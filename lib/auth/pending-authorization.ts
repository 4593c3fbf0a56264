/**
 * The application a sign-in detour is for. /o/authorize sends a signed-out browser to
 * /login?next=/o/authorize?pending=ID; the sign-in and sign-up pages name the application
 * from that pending request, so the person knows who is asking before typing a password.
 */
import { getStore } from '@/lib/db';
import { PATHS } from '@/lib/oauth/paths';

/** resumeAuthorizationPath's shape (lib/oauth/paths.ts). */
const RESUME = new RegExp(`^${PATHS.authorize}/?\\?pending=([A-Za-z0-9_-]{1,128})$`);

/** The requesting application's name, or null when `next` is not a live pending request. */
export async function applicationNameForNext(next: string): Promise<string | null> {
  const id = RESUME.exec(next)?.[1];
  if (!id) return null;
  const store = await getStore();
  const pending = await store.findPendingAuthorization(id, new Date());
  if (!pending) return null;
  return (await store.findApplicationByClientId(pending.request.clientId))?.name ?? null;
}
