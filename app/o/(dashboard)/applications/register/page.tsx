import type { Metadata } from 'next';
import { ApplicationForm } from '@/components/applications/application-form';
import { BackLink } from '@/components/back-link';
import { PageHeader } from '@/components/page-header';
import { requireUser } from '@/lib/auth';
import { EMPTY_APPLICATION } from '@/lib/applications/schema';
import { formPolicy, initialScopes } from '@/lib/applications/policy';
import { getSettings } from '@/lib/config/settings';
import { registerApplication } from './actions';

export const metadata: Metadata = { title: 'Register an application' };

export default async function RegisterApplicationPage() {
  await requireUser('/o/applications/register');
  const settings = getSettings();
  return (
    <div className="max-w-3xl space-y-6">
      <BackLink href="/o/applications">Applications</BackLink>
      <PageHeader
        title="Register an application"
        description="Tell us about your app. You get its client ID right away, and its secret once."
      />
      <ApplicationForm
        action={registerApplication}
        defaultValues={{ ...EMPTY_APPLICATION, allowedScopes: initialScopes(settings) }}
        mode="register"
        cancelHref="/o/applications"
        policy={formPolicy(settings)}
      />
    </div>
  );
}
