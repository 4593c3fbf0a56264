import { getTranslations } from 'next-intl/server';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PATHS } from '@/lib/oauth/paths';
import type pages from '@/messages/en/pages.json';

type HomeKey = keyof (typeof pages)['home'];

/** PRODUCT.md's endpoint table, for the people wiring a client to this server. */
const ENDPOINTS: { methods: string[]; path: string; what: HomeKey; spec: string }[] = [
  { methods: ['GET', 'POST'], path: PATHS.authorize, what: 'endpointAuthorize', spec: 'RFC 6749 §3.1 · OIDC Core §3' },
  { methods: ['POST'], path: PATHS.token, what: 'endpointToken', spec: 'RFC 6749 §3.2 · RFC 7636' },
  { methods: ['POST'], path: PATHS.revoke, what: 'endpointRevoke', spec: 'RFC 7009' },
  { methods: ['POST'], path: PATHS.introspect, what: 'endpointIntrospect', spec: 'RFC 7662' },
  { methods: ['GET', 'POST'], path: PATHS.userinfo, what: 'endpointUserinfo', spec: 'OIDC Core §5.3' },
  { methods: ['GET'], path: PATHS.jwks, what: 'endpointJwks', spec: 'RFC 7517' },
  { methods: ['GET'], path: PATHS.serverMetadata, what: 'endpointServerMetadata', spec: 'RFC 8414' },
  { methods: ['GET'], path: PATHS.discovery, what: 'endpointDiscovery', spec: 'OIDC Discovery' },
  { methods: ['GET', 'POST'], path: PATHS.logout, what: 'endpointLogout', spec: 'OIDC RP-Initiated Logout' },
];

/** The authorization code flow, as a developer wiring a client meets it. */
const FLOW: { title: HomeKey; body: HomeKey; path?: string }[] = [
  { title: 'flowSendsTitle', body: 'flowSendsBody', path: PATHS.authorize },
  { title: 'flowDecideTitle', body: 'flowDecideBody' },
  { title: 'flowTokensTitle', body: 'flowTokensBody', path: PATHS.token },
  { title: 'flowChecksTitle', body: 'flowChecksBody', path: PATHS.introspect },
];

const AUDIENCES: { title: HomeKey; body: HomeKey }[] = [
  { title: 'developersTitle', body: 'developersBody' },
  { title: 'usersTitle', body: 'usersBody' },
  { title: 'operatorsTitle', body: 'operatorsBody' },
];

export default async function HomePage() {
  const t = await getTranslations('home');
  return (
    <>
      <section className="border-b border-slate-200 bg-white">
        <div className="mx-auto grid max-w-6xl gap-12 px-4 py-14 sm:px-6 sm:py-20 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-center">
          <div>
            <p className="text-sm font-semibold text-accent-600">{t('eyebrow')}</p>
            <h1 className="mt-3 max-w-3xl text-3xl font-semibold tracking-tight text-balance text-slate-900 [word-break:auto-phrase] sm:text-5xl">
              {t('title')}
            </h1>
            <p className="mt-5 max-w-2xl text-base leading-7 text-pretty text-slate-600 sm:text-lg sm:leading-8">
              {t.rich('intro', {
                code: (chunks) => <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.9em] text-slate-800">{chunks}</code>,
              })}
            </p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <ButtonLink href="/o/applications" size="lg">
                {t('openDashboard')}
              </ButtonLink>
              {/* A JSON document, not a page: a plain link. */}
              <a href={PATHS.discovery} className={buttonClasses({ variant: 'secondary', size: 'lg' })}>
                {t('viewDiscovery')}
              </a>
            </div>
          </div>
          <Card className="bg-slate-50/60 p-6 sm:p-7">
            <h2 className="text-sm font-semibold text-slate-900">{t('flowTitle')}</h2>
            <ol className="mt-5 space-y-5">
              {FLOW.map((step, i) => (
                <li key={step.title} className="flex gap-4">
                  <span
                    aria-hidden="true"
                    className="flex size-7 shrink-0 items-center justify-center rounded-full bg-accent-600 text-xs font-semibold text-white"
                  >
                    {i + 1}
                  </span>
                  <p className="text-sm leading-6 text-slate-600">
                    <span className="font-medium text-slate-900">{t(step.title)}</span> {t(step.body, { path: step.path ?? '' })}
                  </p>
                </li>
              ))}
            </ol>
          </Card>
        </div>
      </section>

      <section className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16" aria-labelledby="endpoints-heading">
        <div className="max-w-2xl">
          <h2 id="endpoints-heading" className="text-xl font-semibold tracking-tight text-slate-900 sm:text-2xl">
            {t('endpoints')}
          </h2>
          <p className="mt-2 text-slate-600">
            {t('endpointsIntro')}
          </p>
        </div>
        <Card className="mt-6 overflow-hidden">
          <ul className="divide-y divide-slate-100">
            {ENDPOINTS.map((e) => (
              <li key={e.path} className="grid gap-1.5 px-4 py-4 md:grid-cols-[minmax(0,25rem)_1fr_auto] md:items-center md:gap-6 sm:px-6">
                <div className="flex min-w-0 items-center gap-2">
                  <span className="flex shrink-0 gap-1">
                    {e.methods.map((m) => (
                      <span
                        key={m}
                        className={
                          'rounded px-1.5 py-0.5 font-mono text-[0.7rem] font-semibold ' +
                          (m === 'GET' ? 'bg-emerald-50 text-emerald-700' : 'bg-accent-50 text-accent-700')
                        }
                      >
                        {m}
                      </span>
                    ))}
                  </span>
                  <code className="min-w-0 font-mono text-sm font-medium break-all text-slate-900">
                    {e.path}
                  </code>
                </div>
                <p className="text-sm text-slate-600">{t(e.what)}</p>
                <p className="text-xs whitespace-nowrap text-slate-400">{e.spec}</p>
              </li>
            ))}
          </ul>
        </Card>
      </section>

      <section className="mx-auto max-w-6xl px-4 pb-16 sm:px-6" aria-label={t('audiences')}>
        <div className="grid gap-4 md:grid-cols-3">
          {AUDIENCES.map((a) => (
            <Card key={a.title} className="p-6">
              <h3 className="font-semibold text-slate-900">{t(a.title)}</h3>
              <p className="mt-2 text-sm leading-6 text-slate-600">{t(a.body)}</p>
            </Card>
          ))}
        </div>
      </section>
    </>
  );
}
