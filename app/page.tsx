import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { PATHS } from '@/lib/oauth/paths';

/** PRODUCT.md's endpoint table, for the people wiring a client to this server. */
const ENDPOINTS: { methods: string[]; path: string; what: string; spec: string }[] = [
  { methods: ['GET', 'POST'], path: PATHS.authorize, what: 'Authorization endpoint: sign-in, consent, then back to the client', spec: 'RFC 6749 §3.1 · OIDC Core §3' },
  { methods: ['POST'], path: PATHS.token, what: 'Token endpoint: authorization code (PKCE), refresh token, client credentials, password', spec: 'RFC 6749 §3.2 · RFC 7636' },
  { methods: ['POST'], path: PATHS.revoke, what: 'Revoke an access or refresh token', spec: 'RFC 7009' },
  { methods: ['POST'], path: PATHS.introspect, what: 'Token introspection for resource servers', spec: 'RFC 7662' },
  { methods: ['GET', 'POST'], path: PATHS.userinfo, what: 'Claims about the signed-in user', spec: 'OIDC Core §5.3' },
  { methods: ['GET'], path: PATHS.jwks, what: 'Public keys that verify ID tokens', spec: 'RFC 7517' },
  { methods: ['GET'], path: PATHS.serverMetadata, what: 'Authorization server metadata', spec: 'RFC 8414' },
  { methods: ['GET'], path: PATHS.discovery, what: 'OpenID Connect discovery', spec: 'OIDC Discovery' },
  { methods: ['GET', 'POST'], path: PATHS.logout, what: 'RP-initiated logout', spec: 'OIDC RP-Initiated Logout' },
];

/** The authorization code flow, as a developer wiring a client meets it. */
const FLOW: { title: string; body: string }[] = [
  { title: 'Your app sends the user here', body: `to ${PATHS.authorize} with its client ID, the scopes it wants and a PKCE challenge.` },
  { title: 'They sign in and decide', body: 'on this server, seeing your application’s name and what it asks for.' },
  { title: 'Your app gets its tokens', body: `by exchanging the one-time code at ${PATHS.token}, with the PKCE verifier.` },
  { title: 'Your API checks them', body: `by verifying the ID token’s signature, or asking ${PATHS.introspect} about an access token.` },
];

const AUDIENCES = [
  {
    title: 'For developers',
    body: 'Register an application, get its client ID and secret, and choose its redirect URIs and grant types. Secrets are shown once and stored only as a hash.',
  },
  {
    title: 'For people who sign in',
    body: 'Each application asks before it gets access. Review the applications you have authorized and revoke any of them at any time.',
  },
  {
    title: 'For operators',
    body: 'Django OAuth Toolkit’s endpoints, OAUTH2_* settings and management commands, with today’s defaults: PKCE, refresh token rotation and hashed tokens.',
  },
];

export default function HomePage() {
  return (
    <>
      <section className="border-b border-slate-200 bg-white">
        <div className="mx-auto grid max-w-6xl gap-12 px-4 py-14 sm:px-6 sm:py-20 lg:grid-cols-[minmax(0,1fr)_24rem] lg:items-center">
          <div>
            <p className="text-sm font-semibold text-accent-600">OAuth 2.0 and OpenID Connect</p>
            <h1 className="mt-3 max-w-3xl text-3xl font-semibold tracking-tight text-balance text-slate-900 sm:text-5xl">
              The authorization server for your applications
            </h1>
            <p className="mt-5 max-w-2xl text-base leading-7 text-pretty text-slate-600 sm:text-lg sm:leading-8">
              This server signs people in and issues the tokens your applications use to call your APIs. It is an
              OAuth 2.0 authorization server and OpenID Connect provider, with the endpoints of Django OAuth Toolkit
              under <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-[0.9em] text-slate-800">/o/</code>,
              so existing clients keep working.
            </p>
            <div className="mt-8 flex flex-col gap-3 sm:flex-row">
              <ButtonLink href="/o/applications" size="lg">
                Open the dashboard
              </ButtonLink>
              {/* A JSON document, not a page: a plain link. */}
              <a href={PATHS.discovery} className={buttonClasses({ variant: 'secondary', size: 'lg' })}>
                View discovery document
              </a>
            </div>
          </div>
          <Card className="bg-slate-50/60 p-6 sm:p-7">
            <h2 className="text-sm font-semibold text-slate-900">How an application signs someone in</h2>
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
                    <span className="font-medium text-slate-900">{step.title}</span> {step.body}
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
            Endpoints
          </h2>
          <p className="mt-2 text-slate-600">
            Point your OAuth or OpenID Connect client library at the discovery document; it lists these for you. Every path
            answers with or without a trailing slash.
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
                <p className="text-sm text-slate-600">{e.what}</p>
                <p className="text-xs whitespace-nowrap text-slate-400">{e.spec}</p>
              </li>
            ))}
          </ul>
        </Card>
      </section>

      <section className="mx-auto max-w-6xl px-4 pb-16 sm:px-6" aria-label="Who it is for">
        <div className="grid gap-4 md:grid-cols-3">
          {AUDIENCES.map((a) => (
            <Card key={a.title} className="p-6">
              <h3 className="font-semibold text-slate-900">{a.title}</h3>
              <p className="mt-2 text-sm leading-6 text-slate-600">{a.body}</p>
            </Card>
          ))}
        </div>
      </section>
    </>
  );
}
