import Link from 'next/link';
import { useTranslations } from 'next-intl';

const linkClass = 'rounded-lg border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 shadow-sm hover:bg-slate-50';

/** "Newer" / "Older" (or "Previous" / "Next") links; a missing href renders nothing on that side. */
export function Pager({ previous, next, label, previousLabel, nextLabel }: { previous?: string | null; next?: string | null; label?: string; previousLabel?: string; nextLabel?: string }) {
  const t = useTranslations('adminCommon');
  if (!previous && !next) return label ? <p className="text-sm text-slate-500">{label}</p> : null;
  return (
    <nav aria-label={t('pages')} className="flex items-center justify-between gap-3">
      <div>{previous ? <Link href={previous} className={linkClass}>← {previousLabel ?? t('previous')}</Link> : null}</div>
      {label ? <p className="text-sm text-slate-500">{label}</p> : null}
      <div>{next ? <Link href={next} className={linkClass}>{nextLabel ?? t('next')} →</Link> : null}</div>
    </nav>
  );
}
