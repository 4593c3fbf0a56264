import { currentIssuer } from '@/lib/config/issuer';
import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import type { ReactNode } from 'react';
import { ClientTypeBadge, GrantBadges } from '@/components/applications/badges';
import { Monogram } from '@/components/applications/monogram';
import { QuickStart } from '@/components/applications/quick-start';
import { RotateSecretForm } from '@/components/applications/rotate-secret-form';
import { CredentialField } from '@/components/applications/secret-shown-once';
import { TokensChart } from '@/components/applications/tokens-chart';
import { BackLink } from '@/components/back-link';
import { Alert } from '@/components/ui/alert';
import { ButtonLink } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { requireUser } from '@/lib/auth';
import { getDashboardStore } from '@/lib/db';
import { formatDate, formatDateTime, formatRelative } from '@/lib/ui/format';
import { Button } from '@/components/ui/button';
import { getSettings } from '@/lib/config/settings';
import { revokePreviousSecret, rotateSecret, setDisabled } from './actions';
import { allowedScopesFor } from '@/lib/oauth/client-scopes';
import { localizedScopeDescriptions } from '@/lib/i18n/scope-descriptions';
import { IdentitySummary } from '@/components/applications/identity-summary';
import { clientLogoAllowed } from '@/lib/config/branding';

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function load(id: string) {
  const user = await requireUser(`/o/applications/${encodeURIComponent(id)}`);
  const store = await getDashboardStore();
  const app = await store.findApplicationForOwner(id, user.id);
  if (!app) notFound();
  return { user, store, app };
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { app } = await load((await params).id);
  return { title: app.name };
}

export default async function ApplicationPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const { user, store, app } = await load(id);
  const [days, query, base, t, tc, tOptions, tSecret, locale, descriptions] = await Promise.all([
    store.tokensIssuedPerDay(app.id, user.id),
    searchParams,
    currentIssuer(),
    getTranslations('dashboard.detail'),
    getTranslations('dashboard.common'),
    getTranslations('dashboard.options'),
    getTranslations('dashboard.secret'),
    getLocale(),
    localizedScopeDescriptions(),
  ]);

  const settings = getSettings();
  const now = new Date();
  const allowed = allowedScopesFor(app, settings);
  const scope = [...(app.algorithm ? ['openid'] : []), ...settings.defaultScopes].filter((s) => allowed.includes(s)).join(' ');
  const seconds = (own: number | null, setting: number | null) =>
    own !== null ? t('seconds', { count: own }) : setting === null ? t('defaultNoExpiry') : t('defaultSeconds', { count: setting });
  // The same, inside a sentence ("Issued; lifetime default (…)"): its own words, as some languages capitalise nouns.
  const secondsInline = (own: number | null, setting: number | null) =>
    own !== null ? t('secondsInline', { count: own }) : setting === null ? t('defaultNoExpiryInline') : t('defaultSecondsInline', { count: setting });
  const time = (d: Date) =>
    function Time(chunks: ReactNode) {
      return <time dateTime={d.toISOString()}>{chunks}</time>;
    };
  /** The application's own limit, or the token endpoint's setting it falls back to. */
  const rateLimitText = (rateLimit: number | null, setting: { points: number; duration: number } | null): string => {
    if (rateLimit === 0) return t('noLimit');
    if (rateLimit) return t('customLimit', { count: rateLimit });
    if (!setting) return t('defaultNoLimit');
    return setting.duration === 60 ? t('defaultPerMinute', { points: setting.points }) : t('defaultPerSeconds', { points: setting.points, seconds: setting.duration });
  };

  return (
    <div className="space-y-6">
      <BackLink href="/o/applications">{tc('applications')}</BackLink>

      <div className="flex flex-col gap-4 sm:flex-row sm:items-start sm:justify-between">
        <div className="flex min-w-0 items-start gap-4">
          <Monogram name={app.name} size="lg" />
          <div className="min-w-0">
            <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words text-slate-900">{app.name}</h1>
              <ClientTypeBadge clientType={app.clientType} />
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {t.rich('registered', {
                date: formatDate(app.createdAt, locale),
                users: tc('users', { count: app.userCount }),
                tokens: tc('activeTokens', { count: app.activeTokenCount }),
                time: time(app.createdAt),
              })}
            </p>
          </div>
        </div>
        <div className="flex shrink-0 gap-3">
          <ButtonLink href={`/o/applications/${app.id}/update`} variant="secondary">
            {PENCIL}
            {t('edit')}
          </ButtonLink>
          <ButtonLink href={`/o/applications/${app.id}/delete`} variant="secondary" className="text-red-700! hover:bg-red-50! hover:text-red-800!">
            {TRASH}
            {t('delete')}
          </ButtonLink>
        </div>
      </div>

      {query.saved ? (
        <Alert tone="success" title={t('savedTitle')}>
          {t('savedText')}
        </Alert>
      ) : null}
      {query.status === 'operator' ? (
        <Alert tone="error" title={t('operatorDisabledTitle')}>
          {t('operatorDisabledText')}
        </Alert>
      ) : null}

      <Card>
        <CardHeader className="flex flex-col gap-3 space-y-0 sm:flex-row sm:items-center sm:justify-between">
          <div className="space-y-1.5">
            <CardTitle>{app.disabledAt ? t('disabled') : t('enabled')}</CardTitle>
            <CardDescription>{app.disabledAt ? t('disabledSince', { date: formatDateTime(app.disabledAt, locale) }) : t('enabledText')}</CardDescription>
          </div>
          <form action={setDisabled.bind(null, app.id, !app.disabledAt)}>
            <Button type="submit" variant="secondary" size="sm" className="shrink-0">
              {app.disabledAt ? t('enable') : t('disable')}
            </Button>
          </form>
        </CardHeader>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('credentials')}</CardTitle>
          <CardDescription>{t('credentialsText')}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          <CredentialField id="client-id" label={tc('clientId')} copyLabel={tSecret('copyClientId')} value={app.clientId} />
          <div>
            <p className="text-sm font-medium text-slate-800">{tc('clientSecret')}</p>
            {app.clientType === 'confidential' ? (
              <>
                <RotateSecretForm action={rotateSecret.bind(null, app.id)} hasSecret={app.hasSecret} sealed={app.tokenEndpointAuthMethod === 'client_secret_jwt'} />
                {app.previousSecretExpiresAt && app.previousSecretExpiresAt.getTime() > now.getTime() ? (
                  <div className="mt-3 flex flex-col gap-2 rounded-lg border border-amber-200 bg-amber-50/60 p-3 sm:flex-row sm:items-center sm:justify-between">
                    <p className="text-sm text-amber-900">
                      {t.rich('previousSecret', {
                        relative: formatRelative(app.previousSecretExpiresAt, now, locale),
                        date: formatDateTime(app.previousSecretExpiresAt, locale),
                        time: time(app.previousSecretExpiresAt),
                      })}
                    </p>
                    <form action={revokePreviousSecret.bind(null, app.id)}>
                      <Button type="submit" variant="secondary" size="sm" className="shrink-0">
                        {t('revokeNow')}
                      </Button>
                    </form>
                  </div>
                ) : null}
              </>
            ) : (
              <p className="mt-1 text-sm text-slate-600">{t('publicNoSecret')}</p>
            )}
          </div>
        </CardContent>
      </Card>

      <IdentitySummary app={app} logoAllowed={clientLogoAllowed(app.logoUri, settings.branding.clientLogoHosts)} />

      <Card>
        <CardHeader>
          <CardTitle>{t('tokensIssued')}</CardTitle>
          <CardDescription>{t('tokensIssuedText')}</CardDescription>
        </CardHeader>
        <CardContent>
          <TokensChart days={days} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>{t('startAuthorization')}</CardTitle>
          <CardDescription>{t('startAuthorizationText')}</CardDescription>
        </CardHeader>
        <CardContent>
          <QuickStart app={app} base={base} scope={scope} />
        </CardContent>
      </Card>

      <Card>
        <CardHeader className="flex flex-row items-start justify-between gap-4 space-y-0">
          <div className="space-y-1.5">
            <CardTitle>{t('settings')}</CardTitle>
            <CardDescription>{t('lastChanged', { date: formatDateTime(app.updatedAt, locale) })}</CardDescription>
          </div>
          <ButtonLink href={`/o/applications/${app.id}/update`} variant="ghost" size="sm" className="-mr-2 shrink-0">
            {t('edit')}
            <span className="sr-only">{t('editSettings')}</span>
          </ButtonLink>
        </CardHeader>
        <CardContent className="pt-4">
          <dl className="divide-y divide-slate-100">
            <Row label={t('clientType')}>{tOptions(`clientTypes.${app.clientType}.label`)}</Row>
            <Row label={t('grantTypes')}>
              <div className="flex flex-wrap gap-1.5">
                <GrantBadges grants={app.grantTypes} />
              </div>
            </Row>
            {(
              [
                ['redirectUris', app.redirectUris],
                ['postLogoutRedirectUris', app.postLogoutRedirectUris],
                ['allowedOrigins', app.allowedOrigins],
                ['resources', app.resources],
              ] as const
            ).map(([label, uris]) => (
              <Row key={label} label={t(label)}>
                <UriList uris={uris} empty={tc('none')} />
              </Row>
            ))}
            <Row label={t('skipAuthorization')}>
              {app.skipAuthorization ? t('skipYes') : t('skipNo')}
              <span className="mt-0.5 block text-xs text-slate-500">{t('operatorOnly')}</span>
            </Row>
            <Row label={t('scopes')}>
              {allowed.length ? (
                <ul className="flex flex-wrap gap-1.5" aria-label={t('scopesLabel')}>
                  {allowed.map((name) => (
                    <li key={name} title={descriptions[name]} className="rounded-md bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-700">
                      {name}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-slate-500">{tc('none')}</span>
              )}
              {app.allowedScopes === null ? <span className="mt-0.5 block text-xs text-slate-500">{t('defaultScopes')}</span> : null}
            </Row>
            <Row label={t('accessTokenLifetime')}>{seconds(app.accessTokenLifetime, settings.accessTokenExpireSeconds)}</Row>
            <Row label={t('refreshTokens')}>
              {app.issueRefreshTokens ? t('refreshIssued', { lifetime: secondsInline(app.refreshTokenLifetime, settings.refreshTokenExpireSeconds) }) : t('refreshNotIssued')}
            </Row>
            <Row label={t('idTokenLifetime')}>{seconds(app.idTokenLifetime, settings.idTokenExpireSeconds)}</Row>
            <Row label={t('idTokenSigning')}>{app.algorithm || tOptions('algorithms.none')}</Row>
            <Row label={t('rateLimit')}>{rateLimitText(app.rateLimit, settings.rateLimits.limits.token_client)}</Row>
            <Row label={t('created')}>{formatDateTime(app.createdAt, locale)}</Row>
          </dl>
        </CardContent>
      </Card>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="py-3 first:pt-0 last:pb-0 sm:grid sm:grid-cols-3 sm:gap-4">
      <dt className="text-sm font-medium text-slate-600">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900 sm:col-span-2 sm:mt-0">{children}</dd>
    </div>
  );
}

function UriList({ uris, empty }: { uris: string[]; empty: string }) {
  if (!uris.length) return <span className="text-slate-500">{empty}</span>;
  return (
    <ul className="space-y-1">
      {uris.map((u) => (
        <li key={u} className="font-mono text-[0.8125rem] break-all">
          {u}
        </li>
      ))}
    </ul>
  );
}

const PENCIL = (
  <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-4">
    <path strokeLinecap="round" strokeLinejoin="round" d="m16.9 4.6 2.5 2.5M4 20h4L19.4 8.6a1.8 1.8 0 0 0 0-2.5l-1.5-1.5a1.8 1.8 0 0 0-2.5 0L4 16v4Z" />
  </svg>
);

const TRASH = (
  <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-4">
    <path strokeLinecap="round" strokeLinejoin="round" d="M4 7h16m-10 4v6m4-6v6M5 7l1 12a2 2 0 0 0 2 2h8a2 2 0 0 0 2-2l1-12M9 7V4a1 1 0 0 1 1-1h4a1 1 0 0 1 1 1v3" />
  </svg>
);
