import type { Metadata } from 'next';
import Link from 'next/link';
import { DeviceCodeForm } from '@/components/device/device-code-form';
import { DeviceResult } from '@/components/device/device-result';
import { Logo } from '@/components/logo';
import { Card } from '@/components/ui/card';

export const metadata: Metadata = { title: 'Connect a device' };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** What each refusal of continueWithCode (./actions.ts) means to the person who typed the code. */
function problemText(problem: string | undefined, retryAfter: string | undefined): string | null {
  switch (problem) {
    case 'malformed':
      return 'That is not a device code. Codes are eight letters, like BDWP-HQPK.';
    case 'unknown':
      return 'That code is wrong or has expired. Check the code on your device, or start again there to get a new one.';
    case 'expired':
      return 'That code has expired or was already used. Start again on your device to get a new one.';
    case 'rate_limited': {
      const seconds = Number(retryAfter);
      const wait = Number.isFinite(seconds) && seconds > 0 ? (seconds < 90 ? `${seconds} seconds` : `${Math.ceil(seconds / 60)} minutes`) : 'a few minutes';
      return `Too many wrong codes were entered from this network. Try again in ${wait}.`;
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
  const result = first(params.result);
  const userCode = (first(params.user_code) ?? '').slice(0, 20);
  const error = problemText(first(params.error), first(params.retry_after));
  return (
    <div className="flex justify-center px-4 py-8 sm:py-14">
      <div className="w-full max-w-md">
        {result === 'connected' || result === 'denied' ? (
          <DeviceResult outcome={result} />
        ) : (
          <Card className="px-6 py-8 sm:px-10 sm:py-10">
            <Logo className="size-10" />
            <h1 className="mt-5 text-2xl font-semibold tracking-tight text-slate-900">Connect a device</h1>
            <p className="mt-2 text-base text-slate-700">Enter the code shown on your TV, console or command line to sign it in to your account.</p>
            <div className="mt-6">
              <DeviceCodeForm userCode={userCode} error={error} />
            </div>
          </Card>
        )}
        {result === 'connected' || result === 'denied' ? null : (
          <p className="mt-5 px-2 text-center text-xs text-pretty text-slate-500">
            Only enter a code from a device you are using yourself. Nobody from this service will ever ask you for one.{' '}
            <Link href="/" className="font-medium text-slate-700 underline-offset-2 hover:underline">
              Home
            </Link>
          </p>
        )}
      </div>
    </div>
  );
}
