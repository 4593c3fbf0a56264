import type { Metadata } from 'next';
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

export const metadata: Metadata = { title: 'Registration' };

const MODE: Record<string, string> = {
  off: 'Off: only the dashboard and the command line register applications.',
  public: 'Public: anyone may register a client at /o/register.',
  token: 'With a token: registering at /o/register needs an initial access token from this page.',
};

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminRegistrationPage({ searchParams }: { searchParams: SearchParams }) {
  await requireOperator();
  const params = await searchParams;
  const settings = getSettings();
  const tokens = await listInitialAccessTokens(await getDb());
  const now = new Date();

  return (
    <div className="space-y-8">
      <PageHeader title="Registration" description="How clients register themselves (RFC 7591), and the initial access tokens that let them." />
      <NoticeAlert notice={noticeFor(params.notice)} />
      <Card>
        <CardContent className="space-y-2 text-sm text-slate-700">
          <p>
            <span className="font-medium text-slate-900">Dynamic registration</span> (OAUTH2_DYNAMIC_REGISTRATION): {MODE[settings.clients.dynamicRegistration] ?? settings.clients.dynamicRegistration}
          </p>
          <p>
            <span className="font-medium text-slate-900">Client ID metadata documents</span>: {settings.clients.metadataDocuments ? 'accepted.' : 'off.'}
          </p>
          <p className="text-slate-500">
            Clients that registered themselves and never completed an authorization are deleted by <code className="font-mono">manage cleartokens</code> after {settings.audit.unusedClientDays} days (OAUTH2_UNUSED_CLIENT_DAYS).
          </p>
        </CardContent>
      </Card>

      <Section title="New initial access token">
        <Card>
          <CardContent>
            <InitialAccessTokenForm action={createInitialAccessTokenAction} />
          </CardContent>
        </Card>
      </Section>

      <Section title="Initial access tokens" description="Only a digest of each token is stored; the token itself was shown once, when it was created.">
        <BoxList empty="None yet.">
          {tokens.map((t) => {
            const state = initialAccessTokenState(t, now);
            return (
              <li key={t.id} className="flex flex-col gap-2 px-4 py-3 sm:flex-row sm:items-center sm:justify-between">
                <div className="min-w-0">
                  <div className="flex flex-wrap items-center gap-2">
                    <span className="font-medium text-slate-900">{t.description || 'No description'}</span>
                    <Badge tone={state === 'active' ? 'accent' : 'neutral'}>{state}</Badge>
                  </div>
                  <p className="text-slate-500">
                    {t.maxUses === null ? `${t.uses} registrations` : `${t.uses} of ${t.maxUses} registrations`} · created {formatDate(t.createdAt)} · expires{' '}
                    {t.expiresAt ? formatDateTime(t.expiresAt) : 'never'}
                  </p>
                  <p className="font-mono text-xs text-slate-400">{t.id}</p>
                </div>
                {state === 'active' ? (
                  <ActionButton action={revokeInitialAccessTokenAction} fields={{ id: t.id }} variant="danger">
                    Revoke
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
