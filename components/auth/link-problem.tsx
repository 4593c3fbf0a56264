import Link from 'next/link';
import { buttonClasses } from '@/components/ui/button';

export type LinkProblemKind = 'invalid' | 'expired' | 'used' | 'taken';

const WHAT: Record<LinkProblemKind, string> = {
  expired: 'This link has expired.',
  used: 'This link has already been used.',
  invalid: 'This link is not valid.',
  taken: 'Another account uses this email address now, so nothing was changed.',
};

/** What an emailed link that cannot be used shows: what happened, and how to get a new one. */
export function LinkProblem({ problem, advice, action }: { problem: LinkProblemKind; advice: string; action: { href: string; label: string } }) {
  return (
    <div className="space-y-5">
      <p className="text-sm text-slate-700">
        <span className="font-semibold text-slate-900">{WHAT[problem]}</span> {advice}
      </p>
      <Link href={action.href} className={buttonClasses({ className: 'w-full' })}>
        {action.label}
      </Link>
    </div>
  );
}
