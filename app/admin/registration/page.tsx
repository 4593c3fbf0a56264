import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { ActionButton } from '@/components/admin/action-button';
import { InitialAccessTokenForm } from '@/components/admin/initial-access-token-form';
import { NoticeAlert } from '@/components/admin/notice';
import { BoxList, Section } from '@/components/admin/section';
import { Badge } from '@/components/applications/badges';
import { PageHeader } from '@/components/page-header';
import { Card, CardContent } from '@/components/ui/card';
import { noticeFor } from '@/lib/admin/notices';
import { requireOperator } from '@/lib/admin/require-operator';
import { getSettings } from '@/lib/config/settings';
import { initialAccessTokenState, listInitialAccessTokens } from '@/lib/db/admin-registration';
import { getDb } from '@/lib/db/client';
import { formatDate, formatDateTime } from '@/lib/ui/format';
import { createInitialAccessTokenAction, revokeInitialAccessTokenAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('adminRegistration'))('title') };
}

const MODE = { off: 'modeOff', public: 'modePublic', token: 'modeToken' } as const;
const STATE = { active: 'stateActive', revoked: 'stateRevoked', expired: 'stateExpired', 'used up': 'stateUsedUp' } as const;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminRegistrationPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const params = await searchParams;
  const settings = getSettings();
  const tokens = await listInitialAccessTokens(await getDb());
  const now = new Date();
  const [t, locale] = await Promise.all([getTranslations('adminRegistration'), getLocale()]);
  const mode = settings.clients.dynamicRegistration;
  const b = (chunks: ReactNode) => <span className="font-medium text-slate-900">{chunks}</span>;

  return (
    <div className="space-y-8">
      <PageHeader title={t('title')} description={t('description')} />
      <NoticeAlert notice={noticeFor(params.notice)} />
      <Card>
        <CardContent className="space-y-2 text-sm text-slate-700">
          <p>{t.rich('dynamic', { b, mode: Object.hasOwn(MODE, mode) ? t(MODE[mode as keyof typeof MODE]) : mode })}</p>
          <p>{t.rich('metadataDocuments', { b, state: settings.clients.metadataDocuments ? t('accepted') : t('off') })}</p>
          <p className="text-slate-500">{t.rich('unusedClients', { days: settings.audit.unusedClientDays, code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
        </CardContent>
      </Card>

      <Section id="section-new-initial-access-token" title={t('newToken')}>
        <Card>
          <CardContent>
            <InitialAccessTokenForm action={createInitialAccessTokenAction} />
          </CardContent>
        </Card>
      </Section>

      <Section id="section-initial-access-tokens" title={t('tokens')} description={t('tokensDescription')}>
        <BoxList empty={t('noTokens')}>
          {tokens.map((token) => {
            const state = initialAccessTokenState(token, now);
            return (
              <li key={token.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{token.description || t('noDescription')}</span>
                    <Badge tone={state === 'active' ? 'accent' : 'neutral'}>{t(STATE[state])}</Badge>
                  </div>
                  <p className="text-slate-500">
                    {[
                      token.maxUses === null ? t('uses', { uses: token.uses }) : t('usesOf', { uses: token.uses, max: token.maxUses }),
                      t('createdOn', { date: formatDate(token.createdAt, locale) }),
                      t('expiresOn', { when: token.expiresAt ? formatDateTime(token.expiresAt, locale) : t('never') }),
                    ].join(' · ')}
                  </p>
                  <p className="font-mono text-xs text-slate-400">{token.id}</p>
                </div>
                {state === 'active' ? (
                  <ActionButton action={revokeInitialAccessTokenAction} fields={{ id: token.id }} variant="danger">
                    {t('revoke')}
                  </ActionButton>
                ) : null}
              </li>
            );
          })}
        </BoxList>
      </Section>
    </div>
  );
}
