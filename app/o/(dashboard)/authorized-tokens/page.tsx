import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/components/empty-state';
import { PageHeader } from '@/components/page-header';
import { AuthorizedTokenList } from '@/components/tokens/authorized-token-list';
import { Alert } from '@/components/ui/alert';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import { localizedScopeDescriptions } from '@/lib/i18n/scope-descriptions';
import { withClientLogos } from '@/lib/consent/client-logos';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('dashboard.tokens'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuthorizedTokensPage({ searchParams }: { searchParams: SearchParams }) {
  const user = await requireUser('/o/authorized-tokens');
  const now = new Date();
  const [authorizations, params, t, descriptions] = await Promise.all([
    (await getDashboardStore()).listAuthorizationsForUser(user.id, now).then(withClientLogos),
    searchParams,
    getTranslations('dashboard.tokens'),
    localizedScopeDescriptions(),
  ]);

  return (
    <div className="space-y-6">
      <PageHeader
        title={t('title')}
        description={t('description')}
      />
      {params.revoked ? (
        <Alert tone="success" title={t('revokedTitle')}>
          {t('revokedText')}
        </Alert>
      ) : null}
      {authorizations.length ? (
        <AuthorizedTokenList authorizations={authorizations} descriptions={descriptions} now={now} />
      ) : (
        <EmptyState
          icon={
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-6">
              <path
                strokeLinecap="round"
                strokeLinejoin="round"
                d="M9 12.75 11.25 15 15 9.75m-3-7.04A11.96 11.96 0 0 1 3.6 6 12 12 0 0 0 12 21.75 12 12 0 0 0 20.4 6 11.96 11.96 0 0 1 12 2.71Z"
              />
            </svg>
          }
          title={t('emptyTitle')}
          description={t('emptyDescription')}
        />
      )}
    </div>
  );
}
