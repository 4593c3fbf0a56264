import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ApplicationForm } from '@/components/applications/application-form';
import { BackLink } from '@/components/back-link';
import { PageHeader } from '@/components/page-header';
import { requireUser } from '@/lib/auth';
import { EMPTY_APPLICATION } from '@/lib/applications/schema';
import { formPolicy, initialScopes } from '@/lib/applications/policy';
import { getSettings } from '@/lib/config/settings';
import { localizedScopeDescriptions } from '@/lib/i18n/scope-descriptions';
import { withScopeDescriptions } from '../scope-options';
import { registerApplication } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.register'))('title') };
}

export default async function RegisterApplicationPage() {
  await requireUser('/o/applications/register');
  const settings = getSettings();
  const [t, tc, descriptions] = await Promise.all([getTranslations('dashboard.register'), getTranslations('dashboard.common'), localizedScopeDescriptions()]);
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/o/applications">{tc('applications')}</BackLink>
      <PageHeader title={t('title')} description={t('description')} />
      <ApplicationForm
        action={registerApplication}
        defaultValues={{ ...EMPTY_APPLICATION, allowedScopes: initialScopes(settings) }}
        mode="register"
        cancelHref="/o/applications"
        policy={withScopeDescriptions(formPolicy(settings), descriptions)}
      />
    </div>
  );
}
