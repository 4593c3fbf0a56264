import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ApplicationForm } from '@/components/applications/application-form';
import { BackLink } from '@/components/back-link';
import { PageHeader } from '@/components/page-header';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import { applicationToFormValues } from '@/lib/applications/schema';
import { formPolicy } from '@/lib/applications/policy';
import { getSettings } from '@/lib/config/settings';
import { updateApplication } from './actions';

export const metadata: Metadata = { title: 'Edit application' };

export default async function UpdateApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}/update`);
  const app = await (await getDashboardStore()).findApplicationForOwner(id, user.id);
  if (!app) notFound();
  const policy = formPolicy(getSettings(), app);

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={`/o/applications/${app.id}`}>{app.name}</BackLink>
      <PageHeader title={`Edit ${app.name}`} description="Changes apply to the next authorization and token request. The client ID stays the same." />
      <ApplicationForm
        action={updateApplication.bind(null, app.id)}
        defaultValues={applicationToFormValues(app, policy.checked)}
        policy={policy}
        mode="update"
        cancelHref={`/o/applications/${app.id}`}
      />
    </div>
  );
}
