import type { ReactNode } from 'react';
import { cn } from '@/lib/ui/utils';

type Tone = 'info' | 'error' | 'success' | 'warning';

const tones: Record<Tone, { box: string; icon: ReactNode }> = {
  info: {
    box: 'border-accent-200 bg-accent-50 text-accent-700',
    icon: <path strokeLinecap="round" strokeLinejoin="round" d="M12 16v-4m0-4h.01M22 12a10 10 0 1 1-20 0 10 10 0 0 1 20 0Z" />,
  },
  error: {
    box: 'border-red-200 bg-red-50 text-red-800',
    icon: <path strokeLinecap="round" strokeLinejoin="round" d="M12 8v4m0 4h.01M22 12a10 10 0 1 1-20 0 10 10 0 0 1 20 0Z" />,
  },
  warning: {
    box: 'border-amber-200 bg-amber-50 text-amber-900',
    icon: <path strokeLinecap="round" strokeLinejoin="round" d="M12 9v4m0 4h.01M10.3 3.9 1.8 18a2 2 0 0 0 1.7 3h17a2 2 0 0 0 1.7-3L13.7 3.9a2 2 0 0 0-3.4 0Z" />,
  },
  success: {
    box: 'border-emerald-200 bg-emerald-50 text-emerald-800',
    icon: <path strokeLinecap="round" strokeLinejoin="round" d="m9 12 2 2 4-4m7 2a10 10 0 1 1-20 0 10 10 0 0 1 20 0Z" />,
  },
};

export function Alert({
  tone = 'info',
  title,
  children,
  className,
}: {
  tone?: Tone;
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
}) {
  const { box, icon } = tones[tone];
  return (
    <div role={tone === 'error' ? 'alert' : 'status'} className={cn('flex gap-3 rounded-lg border px-4 py-3 text-sm', box, className)}>
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="mt-0.5 size-4 shrink-0">
        {icon}
      </svg>
      {/* Long words (German compounds, application names) wrap instead of leaving the box. */}
      <div className="min-w-0 wrap-break-word">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div className={title ? 'mt-1' : undefined}>{children}</div> : null}
      </div>
    </div>
  );
}
