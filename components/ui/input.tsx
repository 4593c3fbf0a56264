import type { ComponentProps } from 'react';
import { cn } from '@/lib/ui/utils';

export function Input({ className, ...props }: ComponentProps<'input'>) {
  return (
    <input
      className={cn(
        'block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-base text-slate-900 shadow-xs sm:text-sm',
        'placeholder:text-slate-400 focus:border-accent-500 focus:ring-3 focus:ring-accent-100 focus:outline-none',
        'aria-invalid:border-red-500 aria-invalid:focus:ring-red-100',
        'disabled:cursor-not-allowed disabled:bg-slate-50 disabled:text-slate-500',
        className,
      )}
      {...props}
    />
  );
}
