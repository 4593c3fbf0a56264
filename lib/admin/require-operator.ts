/**
 * The console's gate: the signed-in operator, or a 404 for everyone else (signed in or not), so
 * /admin and below do not even say they exist. Every page, server action and route under
 * app/admin calls it (layouts render in parallel with pages, so none relies on its layout).
 */
import { notFound } from 'next/navigation';
import { currentUser, type SignedInUser } from '@/lib/auth';
import { isOperator } from '@/lib/auth/operator';

export async function requireOperator(): Promise<SignedInUser> {
  const user = await currentUser();
  if (!user || !isOperator(user)) notFound();
  return user;
}

/** For route handlers: the operator, or null (the handler answers 404). */
export async function operatorOrNull(): Promise<SignedInUser | null> {
  const user = await currentUser();
  return user && isOperator(user) ? user : null;
}
