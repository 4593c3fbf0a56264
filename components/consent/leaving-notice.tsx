import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Monogram } from '@/components/applications/monogram';
import { ButtonLink, buttonClasses } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

/**
 * The interstitial before a redirect to a client nobody vetted (lib/oauth/leaving.ts): where the
 * browser is about to go, who registered it, and a link the person chooses to follow.
 */
export function LeavingNotice({ server, clientName, via, destination, href }: { server: string; clientName: string; via: 'dynamic' | 'metadata_document'; destination: string; href: string }) {
  const t = useTranslations('leaving');
  // The consent page's words for who registered the client (the same sentence there and here).
  const origin = useTranslations('consent');
  const dest = (chunks: ReactNode) => <span className="font-medium wrap-anywhere text-slate-800">{chunks}</span>;
  return (
    <div className="flex justify-center px-4 py-10 sm:py-16">
      <div className="w-full max-w-lg">
        <Card className="px-6 py-8 sm:px-10 sm:py-10">
          <div className="flex items-center gap-3">
            <Monogram name={clientName} size="lg" />
            <div className="min-w-0">
              <p className="truncate font-medium text-slate-900">{clientName}</p>
              <p className="text-xs text-slate-500">{via === 'dynamic' ? origin('byDynamic') : origin('byDocument')}</p>
            </div>
          </div>
          <h1 className="mt-6 text-2xl font-semibold tracking-tight text-balance text-slate-900">
            {t.rich('heading', { server, destination, dest: (chunks) => <span className="wrap-anywhere">{chunks}</span> })}
          </h1>
          <p className="mt-3 text-sm text-slate-600">{t.rich('explanation', { app: clientName, server, destination, dest })}</p>
          <div className="mt-8 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
            <ButtonLink href="/" variant="secondary">
              {t('stay')}
            </ButtonLink>
            <a href={href} className={buttonClasses()} rel="noreferrer">
              {t('continueTo', { destination })}
            </a>
          </div>
        </Card>
      </div>
    </div>
  );
}
