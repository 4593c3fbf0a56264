import { redirect } from 'next/navigation';
import { requireOperator } from '@/lib/admin/require-operator';

/** /admin opens on the people: the question operators are asked most ("what happened to this account?"). */
export default async function AdminHome() {
  await requireOperator();
  redirect('/admin/users');
}
