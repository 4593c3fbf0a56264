import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ApplicationForm } from '@/components/applications/application-form';
import { BackLink } from '@/components/back-link';
import { PageHeader } from '@/components/page-header';
import { requireOperator } from '@/lib/admin/require-operator';
import { applicationToFormValues } from '@/lib/applications/schema';
import { formPolicy } from '@/lib/applications/policy';
import { getSettings } from '@/lib/config/settings';
import { findApplicationForAdmin } from '@/lib/db/admin-applications';
import { createApplicationStore } from '@/lib/db/applications';
import { getDb } from '@/lib/db/client';
import { editApplicationAction } from '../../actions';

export const metadata: Metadata = { title: 'Edit application' };

/** The dashboard's edit form for any application: owned by anyone, by no one (CLI), or self-registered. */
export default async function AdminEditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireOperator();
  const { id } = await params;
  const db = await getDb();
  const found = await findApplicationForAdmin(db, id);
  const app = found && (await createApplicationStore(db).findApplication({ clientId: found.clientId }));
  if (!app) notFound();
  const policy = formPolicy(getSettings(), app);

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={`/admin/applications/${app.id}`}>{app.name}</BackLink>
      <PageHeader
        title={`Edit ${app.name}`}
        description={`Owner: ${app.ownerEmail ?? 'none'}. Changes apply to the next authorization and token request and are recorded in the audit trail with you as the operator. The client ID stays the same.`}
      />
      <ApplicationForm
        action={editApplicationAction.bind(null, app.id)}
        defaultValues={applicationToFormValues(app, policy.checked)}
        policy={policy}
        mode="update"
        cancelHref={`/admin/applications/${app.id}`}
        basePath="/admin/applications"
      />
    </div>
  );
}
