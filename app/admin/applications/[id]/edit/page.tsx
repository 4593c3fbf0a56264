import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
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

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminApplicationEdit'))('title') };
}

/** The dashboard's edit form for any application: owned by anyone, by no one (CLI), or self-registered. */
export default async function AdminEditApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  await requireOperator();
  const { id } = await params;
  const db = await getDb();
  const found = await findApplicationForAdmin(db, id);
  const app = found && (await createApplicationStore(db).findApplication({ clientId: found.clientId }));
  if (!app) notFound();
  const policy = formPolicy(getSettings(), app);
  const t = await getTranslations('adminApplicationEdit');

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={`/admin/applications/${app.id}`}>{app.name}</BackLink>
      <PageHeader title={t('heading', { name: app.name })} description={t('description', { owner: app.ownerEmail ?? t('noOwner') })} />
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
