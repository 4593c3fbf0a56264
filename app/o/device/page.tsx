import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import Link from 'next/link';
import { DeviceCodeForm } from '@/components/device/device-code-form';
import { DeviceResult } from '@/components/device/device-result';
import { Logo } from '@/components/logo';
import { Card } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('device'))('title') };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** What each refusal of continueWithCode (./actions.ts) means to the person who typed the code. */
function problemText(problem: string | undefined, retryAfter: string | undefined, t: Awaited<ReturnType<typeof getTranslations<'device'>>>): string | null {
  switch (problem) {
    case 'malformed':
      return t('malformed');
    case 'unknown':
      return t('unknown');
    case 'expired':
      return t('expired');
    case 'rate_limited': {
      const seconds = Number(retryAfter);
      const wait =
        Number.isFinite(seconds) && seconds > 0 ? (seconds < 90 ? t('seconds', { count: seconds }) : t('minutes', { count: Math.ceil(seconds / 60) })) : t('fewMinutes');
      return t('rateLimited', { wait });
    }
    default:
      return null;
  }
}

/**
 * RFC 8628 §3.3: the verification URI. A person types the code their device (a TV, a CLI) shows;
 * verification_uri_complete links here with ?user_code= filled in. After sign-in and the consent
 * page the person lands back here on ?result=, which only says what happened (the device learns
 * it by polling the token endpoint).
 */
export default async function DevicePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const t = await getTranslations('device');
  const result = first(params.result);
  const userCode = (first(params.user_code) ?? '').slice(0, 20);
  const error = problemText(first(params.error), first(params.retry_after), t);
  return (
    <div className="flex justify-center px-4 py-8 sm:py-14">
      <div className="w-full max-w-md">
        {result === 'connected' || result === 'denied' ? (
          <DeviceResult outcome={result} />
        ) : (
          <Card className="px-6 py-8 sm:px-10 sm:py-10">
            <Logo className="size-10" />
            <h1 className="mt-5 text-2xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
            <p className="mt-2 text-base text-slate-700">{t('intro')}</p>
            <div className="mt-6">
              <DeviceCodeForm userCode={userCode} error={error} />
            </div>
          </Card>
        )}
        {result === 'connected' || result === 'denied' ? null : (
          <p className="mt-5 px-2 text-center text-xs text-pretty text-slate-500">
            {t('warning')}{' '}
            <Link href="/" className="font-medium text-slate-700 underline-offset-2 hover:underline">
              {t('home')}
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
