import type { ReactNode } from 'react';
import { Card } from '@/components/ui/card';
import { cn } from '@/lib/ui/utils';

/** One section of /account: a titled card with an anchor. */
export function AccountSection({
  id,
  title,
  description,
  children,
  tone = 'default',
}: {
  id: string;
  title: string;
  description?: ReactNode;
  children: ReactNode;
  tone?: 'default' | 'danger';
}) {
  return (
    <Card id={id} aria-labelledby={`${id}-title`} className={cn('scroll-mt-24', tone === 'danger' && 'border-red-200')} role="region">
      <div className="grid gap-4 px-5 py-6 sm:px-6 md:grid-cols-3 md:gap-8">
        <div>
          <h2 id={`${id}-title`} className={cn('text-base font-semibold text-slate-900', tone === 'danger' && 'text-red-700')}>
            {title}
          </h2>
          {description ? <div className="mt-1 text-sm text-slate-600">{description}</div> : null}
        </div>
        <div className="min-w-0 md:col-span-2">{children}</div>
      </div>
    </Card>
  );
}
