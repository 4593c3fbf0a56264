import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { buttonClasses } from '@/components/ui/button';

export type LinkProblemKind = 'invalid' | 'expired' | 'used' | 'taken';

/** What an emailed link that cannot be used shows: what happened, and how to get a new one. */
export function LinkProblem({ problem, advice, action }: { problem: LinkProblemKind; advice: string; action: { href: string; label: string } }) {
  const t = useTranslations('linkProblem');
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{t(problem)}</span> {advice}
      </p>
      <Link href={action.href} className={buttonClasses({ className: 'w-full' })}>
        {action.label}
      </Link>
    </div>
  );
}
