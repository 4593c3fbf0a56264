import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';

/**
 * One operator action as a plain form (works without JavaScript): hidden fields and a button.
 * The server action checks the operator role again; Next.js checks the Origin (CSRF).
 */
export function ActionButton({
  action,
  fields,
  children,
  variant = 'secondary',
}: {
  action: (formData: FormData) => Promise<void>;
  fields: Record<string, string>;
  children: ReactNode;
  variant?: 'primary' | 'secondary' | 'danger' | 'ghost';
}) {
  return (
    <form action={action}>
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <Button type="submit" variant={variant} size="sm">
        {children}
      </Button>
    </form>
  );
}
