import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card } from '@/components/ui/card';

/**
 * What a person sees when an authorization request cannot go on: what happened, in words, and
 * what to do. Used by /o/error (untrusted requests are never redirected) and by the consent
 * page for a request that expired or was already decided.
 */
export async function RequestError({
  description,
  code,
  advice,
}: {
  description: string;
  code?: string | null;
  advice?: string;
}) {
  const t = await getTranslations('requestError');
  return (
    <div className="flex justify-center px-4 py-10 sm:py-16">
      <div className="w-full max-w-lg">
        <Card className="px-6 py-8 sm:px-10 sm:py-10">
          <div className="flex size-12 items-center justify-center rounded-full bg-amber-50 ring-1 ring-amber-200">
            <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-6 text-amber-700">
              <path
                strokeLinecap="round"
                strokeLinejoin="round"
                d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z"
              />
            </svg>
          </div>
          <h1 className="mt-5 text-2xl font-semibold tracking-tight text-balance text-slate-900">{t('title')}</h1>
          <p className="mt-3 text-base break-words text-slate-700">{description}</p>
          <p className="mt-4 text-sm text-slate-600">{advice ?? t('advice')}</p>
          {code ? (
            <p className="mt-6 text-xs text-slate-500">
              {t('errorCode')} <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-slate-700">{code}</code>
            </p>
          ) : null}
        </Card>
        <p className="mt-6 text-center text-sm text-slate-600">
          <Link href="/" className="font-medium text-accent-600 hover:text-accent-700 hover:underline">
            {t('home')}
          </Link>
        </p>
      </div>
    </div>
  );
}
