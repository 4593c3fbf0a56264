import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { ClientOrigin } from '@/components/consent/client-origin';
import { ConsentForm } from '@/components/consent/consent-form';
import { ConsentHeading } from '@/components/consent/consent-heading';
import { RequestError } from '@/components/consent/request-error';
import { Card } from '@/components/ui/card';
import { currentUser, loginUrl } from '@/lib/auth';
import { authSecret } from '@/lib/auth/secret';
import { csrfToken } from '@/lib/http/csrf';
import { getStore } from '@/lib/db';
import { getOAuthServer } from '@/lib/server/oauth-server';
import { resumeAuthorizationPath } from '@/lib/oauth/paths';
import { isOnThisDevice } from '@/lib/oauth/redirect-uri';
import { switchAccount } from './actions';
import { DeviceConsent } from './device-consent';
import { clientHeadingProps, localizedScopes } from './identity';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('consent'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/**
 * Consent for a pending authorization request (RFC 6749 §4.1.1, DOT's authorize template). The
 * request was validated and stored by /o/authorize; this page only shows it, bound to the user
 * it was started for, and the decision goes to the `decide` server action.
 */
export default async function ConsentPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations('consent');
  const expired = <RequestError description={t('expired')} advice={t('startAgain')} />;
  const requestId = first(params.request) ?? '';
  // RFC 8628 §3.3: a device's request, reached from /o/device.
  const userCode = first(params.user_code);
  if (!requestId && userCode) return <DeviceConsent userCode={userCode} />;
  if (!requestId) return expired;

  const user = await currentUser();
  // Back through the authorize endpoint after sign-in: it binds the request to whoever signs
  // in, and re-checks prompt, max_age and prior consent, so the pending id is what resumes.
  if (!user) redirect(loginUrl(resumeAuthorizationPath(requestId)));

  const view = await (await getOAuthServer()).loadConsent(requestId, user.id);
  if (!view) return expired;

  const { client } = view;
  const owner = client.ownerId ? await (await getStore()).findUserById(client.ownerId) : null;
  const selfRegistered = client.registeredVia === 'dynamic' || client.registeredVia === 'metadata_document' ? client.registeredVia : null;
  // The warning is about where the browser goes: only when every registered target is on this device.
  const onThisDevice = client.redirectUris.length > 0 && client.redirectUris.every(isOnThisDevice) && isOnThisDevice(view.redirectUri);
  const [heading, scopes] = await Promise.all([clientHeadingProps(client, owner), localizedScopes(view.scopes)]);

  return (
    <div className="flex justify-center px-4 py-8 sm:py-14">
      <div className="w-full max-w-lg">
        <Card className="overflow-hidden">
          <ConsentHeading {...heading} asks={t('wantsAccess')} />

          <div className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 border-y border-slate-200 bg-slate-50 px-5 py-3 text-sm sm:px-8">
            <p className="min-w-0 text-slate-600">
              {t.rich('signedInAs', { email: user.email, b: (chunks) => <span className="font-medium break-all text-slate-900">{chunks}</span> })}
            </p>
            <form action={switchAccount}>
              <input type="hidden" name="request" value={requestId} />
              <span className="text-slate-600">{t('notYou')} </span>
              <button
                type="submit"
                className="rounded font-medium text-accent-600 hover:text-accent-700 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
              >
                {t('switchAccount')}
              </button>
            </form>
          </div>

          {selfRegistered ? (
            <ClientOrigin
              applicationName={client.name}
              registeredVia={selfRegistered}
              clientId={client.clientId}
              redirectHost={redirectHost(view.redirectUri)}
              onThisDevice={onThisDevice}
            />
          ) : null}
          <ConsentForm
            requestId={view.requestId}
            csrf={csrfToken(authSecret(), view.requestId, user.id)}
            applicationName={client.name}
            scopes={scopes}
            resources={view.resources}
            redirectHost={redirectHost(view.redirectUri)}
          />
        </Card>
        <p className="mt-5 px-2 text-center text-xs text-pretty text-slate-500">
          {t.rich('trustNotice', {
            link: (chunks) => (
              <Link href="/o/authorized-tokens" className="font-medium text-slate-700 underline-offset-2 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
    </div>
  );
}

/** The host the browser goes back to; a native app's custom scheme when there is no host. */
function redirectHost(uri: string): string {
  try {
    const url = new URL(uri);
    return url.host || url.protocol.replace(/:$/, '');
  } catch {
    return uri;
  }
}
