import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { ConsentForm } from '@/components/consent/consent-form';
import { ConsentHeading } from '@/components/consent/consent-heading';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { currentUser, loginUrl } from '@/lib/auth';
import { authSecret } from '@/lib/auth/secret';
import { verificationHold } from '@/lib/accounts/verification-settings';
import { getSettings } from '@/lib/config/settings';
import { getTranslations } from 'next-intl/server';
import { clientHeadingProps, localizedScopes } from './identity';
import { getStore } from '@/lib/db';
import { clientIp } from '@/lib/http/client-ip';
import { csrfToken } from '@/lib/http/csrf';
import { PATHS } from '@/lib/oauth/paths';
import { getOAuthServer } from '@/lib/server/oauth-server';
import { decideDevice } from './device-actions';
import { deviceConsentPath, deviceCsrfSubject } from './device-paths';

/**
 * The consent page for a device (RFC 8628 §3.3, §5.4): the same card and form as an
 * authorization request's, with the code and a warning against remote phishing ("a stranger
 * sent you this code"). The code is looked up again here, counted like any typed code.
 */
export async function DeviceConsent({ userCode }: { userCode: string }) {
  const user = await currentUser();
  if (!user) redirect(loginUrl(deviceConsentPath(userCode)));
  const settings = getSettings();
  // As at /o/authorize: an account that must verify its email first gets no tokens until it has.
  const hold = verificationHold(user, settings.accounts.signup);
  if (hold) redirect(`${hold}?next=${encodeURIComponent(deviceConsentPath(userCode))}`);

  const ip = clientIp(await headers(), settings.rateLimits.trustedProxies);
  const found = await (await getOAuthServer()).lookUpDeviceCode(userCode, ip);
  if (!found.ok) redirect(`${PATHS.device}?${new URLSearchParams({ error: found.problem, ...(found.retryAfter ? { retry_after: String(found.retryAfter) } : {}) })}`);
  const { view } = found;
  const { client } = view;
  const owner = client.ownerId ? await (await getStore()).findUserById(client.ownerId) : null;
  const [t, heading, scopes] = await Promise.all([getTranslations('consent'), clientHeadingProps(client, owner), localizedScopes(view.scopes)]);

  return (
    <div className="flex justify-center px-4 py-8 sm:py-14">
      <div className="w-full max-w-lg">
        <Card className="overflow-hidden">
          <ConsentHeading {...heading} asks={t('wantsDeviceAccess')} />
          <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-y border-slate-200 bg-slate-50 px-5 py-3 text-sm sm:px-8">
            <p className="min-w-0 text-slate-600">
              {t.rich('signedInAs', { email: user.email, b: (chunks) => <span className="font-medium break-all text-slate-900">{chunks}</span> })}
            </p>
            <p className="text-slate-600">
              {t('code')} <span className="font-mono font-semibold tracking-wider text-slate-900">{view.userCode}</span>
            </p>
          </div>
          <ConsentForm
            requestId={view.userCode}
            csrf={csrfToken(authSecret(), deviceCsrfSubject(view.userCode), user.id)}
            applicationName={client.name}
            scopes={scopes}
            resources={view.resources}
            redirectHost={null}
            action={decideDevice}
            notice={
              <Alert tone="warning" title={t('deviceWarningTitle')}>
                {t('deviceWarning')}
              </Alert>
            }
          />
        </Card>
      </div>
    </div>
  );
}
