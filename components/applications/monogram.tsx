import { cn } from '@/lib/utils';

// The same colours and hash as the consent page, so an application looks the same everywhere.
const COLORS = ['bg-sky-600', 'bg-emerald-600', 'bg-amber-600', 'bg-rose-600', 'bg-violet-600', 'bg-teal-600', 'bg-slate-700'];

/** An application's initial on a colour of its own (applications have no logo). Decorative. */
export function Monogram({ name, className }: { name: string; className?: string }) {
  const letter = Array.from(name.trim())[0]?.toUpperCase() ?? '?';
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return (
    <span
      aria-hidden="true"
      className={cn(
        'flex size-10 shrink-0 items-center justify-center rounded-lg text-base font-semibold text-white shadow-sm',
        COLORS[hash % COLORS.length],
        className,
      )}
    >
      {letter}
    </span>
  );
}
