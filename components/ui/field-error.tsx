import { cn } from '@/lib/ui/utils';

/** The message under a form field; `id` is what the input's aria-describedby points at. */
export function FieldError({ id, message, className }: { id: string; message?: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p id={id} role="alert" className={cn('mt-1.5 text-sm text-red-700', className)}>
      {message}
    </p>
  );
}
