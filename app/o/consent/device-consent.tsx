import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { Monogram } from '@/components/applications/monogram';
import { ConsentForm } from '@/components/consent/consent-form';
import { Logo } from '@/components/logo';
import { Alert } from '@/components/ui/alert';
import { Card } from '@/components/ui/card';
import { currentUser, loginUrl } from '@/lib/auth';
import { authSecret } from '@/lib/auth/secret';
import { verificationHold } from '@/lib/accounts/verification-settings';
import { getSettings } from '@/lib/config/settings';
import { registrantLine } from '@/lib/consent/registrant';
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

  return (
    <div className="flex justify-center px-4 py-8 sm:py-14">
      <div className="w-full max-w-lg">
        <Card className="overflow-hidden">
          <div className="px-5 pt-7 pb-6 text-center sm:px-8 sm:pt-8">
            <div className="flex items-center justify-center gap-3" aria-hidden="true">
              <Monogram name={client.name} size="lg" />
              <span className="flex gap-1">
                <span className="size-1 rounded-full bg-slate-300" />
                <span className="size-1 rounded-full bg-slate-300" />
                <span className="size-1 rounded-full bg-slate-300" />
              </span>
              <Logo className="size-12" />
            </div>
            <h1 className="mt-5">
              <span className="block text-2xl font-semibold tracking-tight break-words text-slate-900">{client.name}</span>{' '}
              <span className="mt-1 block text-base text-slate-700">wants to access your account on a device</span>
            </h1>
            <p className="mt-3 text-sm text-slate-600">{registrantLine(client, owner)}</p>
          </div>
          <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-y border-slate-200 bg-slate-50 px-5 py-3 text-sm sm:px-8">
            <p className="min-w-0 text-slate-600">
              Signed in as <span className="font-medium break-all text-slate-900">{user.email}</span>
            </p>
            <p className="text-slate-600">
              Code <span className="font-mono font-semibold tracking-wider text-slate-900">{view.userCode}</span>
            </p>
          </div>
          <ConsentForm
            requestId={view.userCode}
            csrf={csrfToken(authSecret(), deviceCsrfSubject(view.userCode), user.id)}
            applicationName={client.name}
            scopes={view.scopes}
            resources={view.resources}
            redirectHost={null}
            action={decideDevice}
            notice={
              <Alert tone="warning" title="Only approve a device in front of you">
                Check that the code above is the one your own device shows. If someone sent you this code or link, choose Cancel: they would get access to your
                account.
              </Alert>
            }
          />
        </Card>
      </div>
    </div>
  );
}
