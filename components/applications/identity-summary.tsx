/**
 * An application's page (issue 23): who the consent screen says it is, as people will see it —
 * its logo (or its initial, when the operator does not allow the logo's host), name, home page,
 * privacy policy and terms — so its owner can check them, and learns why a logo does not show.
 */
import { getTranslations } from 'next-intl/server';
import { ClientLinks } from '@/components/consent/client-links';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { hostOf, shownLink } from '@/lib/consent/client-identity';
import type { ApplicationDetails } from '@/lib/dashboard/views';
import { ClientLogo } from './client-logo';

export async function IdentitySummary({
  app,
  logoAllowed,
}: {
  app: Pick<ApplicationDetails, 'name' | 'logoUri' | 'clientUri' | 'policyUri' | 'tosUri'>;
  /** Whether the operator allows the logo's host (OAUTH2_CLIENT_LOGO_HOSTS), as the consent page decides. */
  logoAllowed: boolean;
}) {
  const t = await getTranslations('applicationIdentity');
  // Only what the consent page would show: a link stored before the rule existed is not one.
  const logoUri = shownLink(app.logoUri);
  const clientUri = shownLink(app.clientUri);
  const links = { policyUri: shownLink(app.policyUri), tosUri: shownLink(app.tosUri) };
  const none = !logoUri && !clientUri && !links.policyUri && !links.tosUri;
  return (
    <Card>
      <CardHeader>
        <CardTitle>{t('summary.title')}</CardTitle>
        <CardDescription>{t('summary.description')}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        <div className="rounded-lg border border-dashed border-slate-200 bg-slate-50/60 px-4 py-5 text-center" data-testid="identity-preview">
          <div className="flex justify-center">
            <ClientLogo name={app.name} logoUri={logoAllowed ? logoUri : null} size="lg" />
          </div>
          <p className="mt-3 text-base font-semibold break-words text-slate-900">{app.name}</p>
          <ClientLinks
            homeUri={clientUri}
            homeHost={clientUri ? hostOf(clientUri) : null}
            policyUri={links.policyUri}
            tosUri={links.tosUri}
            labels={{ home: t('clientUri.label'), policy: t('policyUri.label'), terms: t('tosUri.label') }}
          />
        </div>
        {none ? <p className="text-sm text-slate-600">{t('summary.none')}</p> : null}
        {logoUri && !logoAllowed ? <p className="text-sm text-slate-600">{t('summary.logoNotShown', { host: hostOf(logoUri) })}</p> : null}
      </CardContent>
    </Card>
  );
}
