import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ButtonLink } from '@/components/ui/button';

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('notFound'))('title') };
}

export default async function NotFound() {
  const t = await getTranslations('notFound');
  return (
    <div className="mx-auto flex max-w-xl flex-col items-center px-4 py-20 text-center sm:py-28">
      <p className="text-sm font-semibold text-accent-600">404</p>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight text-slate-900">{t('title')}</h1>
      <p className="mt-3 text-slate-600">
        {t('text')}
      </p>
      <div className="mt-8 flex flex-col gap-3 sm:flex-row">
        <ButtonLink href="/">{t('home')}</ButtonLink>
        <ButtonLink href="/o/applications" variant="secondary">
          {t('applications')}
        </ButtonLink>
      </div>
    </div>
  );
}
