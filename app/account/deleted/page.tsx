import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';
import { Card } from '@/components/ui/card';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('accountDeleted'))('title') };
}

/** Where deleting the account lands (signed out by then). */
export default async function AccountDeletedPage() {
  const t = await getTranslations('accountDeleted');
  return (
    <div className="mx-auto max-w-md px-4 py-16 sm:px-6">
      <Card className="px-6 py-8 text-center">
        <h1 className="text-xl font-semibold tracking-tight text-slate-900">{t('heading')}</h1>
        <p className="mt-2 text-sm text-slate-600">{t('text')}</p>
        <ButtonLink href="/" variant="secondary" className="mt-6">
          {t('home')}
        </ButtonLink>
      </Card>
    </div>
  );
}
