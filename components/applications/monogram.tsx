import { cn } from '@/lib/ui/utils';

// One colour per application (by a hash of its name), so it looks the same on every screen.
const COLORS = ['bg-sky-600', 'bg-emerald-600', 'bg-amber-600', 'bg-rose-600', 'bg-violet-600', 'bg-teal-600', 'bg-slate-700'];

/** An application's initial on a colour of its own (applications have no logo). Decorative. */
const SIZES = {
  md: 'size-10 rounded-lg text-base',
  lg: 'size-12 rounded-xl text-xl', // page headings (consent, application details)
};

export function Monogram({ name, size = 'md', className }: { name: string; size?: keyof typeof SIZES; className?: string }) {
  const letter = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      aria-hidden="true"
      className={cn(
        'flex shrink-0 items-center justify-center font-semibold text-white shadow-sm',
        SIZES[size],
        COLORS[hash % COLORS.length],
        className,
      )}
    >
      {letter}
    </span>
  );
}
