import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { CodeBlock } from './code-block';

interface App {
  clientId: string;
  clientType: 'confidential' | 'public';
  grantTypes: string[];
  redirectUris: string[];
}

const enc = encodeURIComponent;

/**
 * How to use this application from a client, with its own values filled in: the authorization
 * request (RFC 6749 §4.1.1 with PKCE, RFC 7636 §4.3) and the token requests its grants allow.
 */
export function QuickStart({ app, base, scope }: { app: App; base: string; scope: string }) {
  const t = useTranslations('dashboard.quickStart');
  const v = (chunks: ReactNode) => <Var>{chunks}</Var>;
  const redirectUri = app.redirectUris[0] ?? 'https://app.example.com/callback';
  const auth =
    app.clientType === 'confidential' ? [`  -u "${app.clientId}:YOUR_CLIENT_SECRET"`] : [`  -d client_id=${app.clientId}`];
  const curl = (params: string[]) => [`curl -X POST ${base}/o/token`, ...auth, ...params.map((p) => `  -d ${p}`)].join(' \\\n');

  const authorize = (responseType: string, pkce: boolean) => {
    const params: [string, string][] = [
      ['response_type', responseType],
      ['client_id', app.clientId],
      ['redirect_uri', redirectUri],
      ['scope', scope],
      ['state', 'STATE'],
      ...(pkce ? ([['code_challenge', 'CODE_CHALLENGE'], ['code_challenge_method', 'S256']] as [string, string][]) : []),
    ];
    return {
      display: `${base}/o/authorize\n${params.map(([k, v], i) => `  ${i ? '&' : '?'}${k}=${enc(v)}`).join('\n')}`,
      url: `${base}/o/authorize?${params.map(([k, v]) => `${k}=${enc(v)}`).join('&')}`,
    };
  };

  const code = app.grantTypes.includes('authorization_code');
  const steps: { title: string; text: ReactNode; block: { title: string; copyLabel: string; code: string; copy?: string } }[] = [];
  const authorizationRequest = { title: t('authorizationRequest'), copyLabel: t('copyAuthorizationRequest') };
  if (code) {
    const a = authorize('code', true);
    steps.push({
      title: t('signIn'),
      text: t.rich('signInText', { var: v }),
      block: { ...authorizationRequest, code: a.display, copy: a.url },
    });
    steps.push({
      title: t('exchange'),
      text: t.rich('exchangeText', { redirectUri, var: v }),
      block: {
        title: t('tokenRequest'),
        copyLabel: t('copyTokenRequest'),
        code: curl(['grant_type=authorization_code', 'code=CODE', `redirect_uri=${enc(redirectUri)}`, 'code_verifier=CODE_VERIFIER']),
      },
    });
  }
  if (app.grantTypes.includes('client_credentials')) {
    steps.push({
      title: code ? t('orCallApis') : t('getToken'),
      text: t('clientCredentialsText'),
      block: { title: t('clientCredentials'), copyLabel: t('copyClientCredentials'), code: curl(['grant_type=client_credentials', `scope=${enc(scope)}`]) },
    });
  }
  if (!code && app.grantTypes.includes('implicit')) {
    const a = authorize('token', false);
    steps.push({
      title: t('implicit'),
      text: t('implicitText'),
      block: { ...authorizationRequest, code: a.display, copy: a.url },
    });
  }
  if (!code && app.grantTypes.includes('password')) {
    steps.push({
      title: t('password'),
      text: t('passwordText'),
      block: { title: t('passwordGrant'), copyLabel: t('copyPasswordGrant'), code: curl(['grant_type=password', 'username=EMAIL', 'password=PASSWORD', `scope=${enc(scope)}`]) },
    });
  }

  return (
    <ol className="space-y-8">
      {steps.map((s, i) => (
        <li key={s.title}>
          <h3 className="flex items-center gap-2.5 text-sm font-semibold text-slate-900">
            <span aria-hidden="true" className="flex size-6 shrink-0 items-center justify-center rounded-full bg-accent-50 text-xs font-semibold text-accent-700 ring-1 ring-accent-200">
              {i + 1}
            </span>
            {s.title}
          </h3>
          <p className="mt-2 text-sm text-slate-600">{s.text}</p>
          <div className="mt-3">
            <CodeBlock title={s.block.title} copyLabel={s.block.copyLabel} code={s.block.code} copyValue={s.block.copy} />
          </div>
        </li>
      ))}
    </ol>
  );
}

function Var({ children }: { children: ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.8125rem] break-words text-slate-800">{children}</code>;
}
