import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { ApplicationForm } from '@/components/applications/application-form';
import { BackLink } from '@/components/back-link';
import { PageHeader } from '@/components/page-header';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import { applicationToFormValues } from '@/lib/applications/schema';
import { formPolicy } from '@/lib/applications/policy';
import { getSettings } from '@/lib/config/settings';
import { localizedScopeDescriptions } from '@/lib/i18n/scope-descriptions';
import { withScopeDescriptions } from '../../scope-options';
import { updateApplication } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.update'))('metaTitle') };
}

export default async function UpdateApplicationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}/update`);
  const app = await (await getDashboardStore()).findApplicationForOwner(id, user.id);
  if (!app) notFound();
  const [t, descriptions] = await Promise.all([getTranslations('dashboard.update'), localizedScopeDescriptions()]);
  const policy = withScopeDescriptions(formPolicy(getSettings(), app), descriptions);

  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href={`/o/applications/${app.id}`}>{app.name}</BackLink>
      <PageHeader title={t('title', { name: app.name })} description={t('description')} />
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
