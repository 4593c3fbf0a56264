'use client';
/**
 * What a page shows when rendering it failed on the server: most often the database is away for
 * a moment (restarting, a failover), so the message says to try again rather than showing
 * Next's bare "Application error". The details stay in the server's log (the digest ties them).
 */
import { useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { Button, ButtonLink } from '@/components/ui/button';

export default function PageError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('pageError');
  const documentTitle = t('documentTitle');
  useEffect(() => {
    document.title = documentTitle;
  }, [documentTitle]);
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center sm:py-28">
      <p className="text-sm font-semibold text-accent-600">{t('eyebrow')}</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-balance text-slate-900">{t('title')}</h1>
      <p className="mt-3 text-slate-600">{t('text')}</p>
      {error.digest ? <p className="mt-2 text-xs text-slate-500">{t('reference', { digest: error.digest })}</p> : null}
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <Button onClick={reset}>{t('tryAgain')}</Button>
        <ButtonLink href="/" variant="secondary">
          {t('home')}
        </ButtonLink>
      </div>
    </div>
  );
}
