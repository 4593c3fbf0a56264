import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/** A destructive action behind typing a word (the account's email, the application's name). */
export function TypedConfirmation({
  action,
  fields,
  expected,
  what,
  button,
}: {
  action: (formData: FormData) => Promise<void>;
  fields: Record<string, string>;
  expected: string;
  what: string;
  button: string;
}) {
  const t = useTranslations('adminCommon');
  return (
    <form action={action} className="space-y-3">
      {Object.entries(fields).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <div className="space-y-1.5">
        <Label htmlFor="confirmation">
          {t.rich('typeToConfirm', { value: expected, mono: (chunks) => <span className="font-mono font-semibold break-all text-slate-900">{chunks}</span> })}
        </Label>
        <Input id="confirmation" name="confirmation" autoComplete="off" required aria-describedby="confirmation-help" />
        <p id="confirmation-help" className="text-xs text-slate-500">
          {what}
        </p>
      </div>
      <Button type="submit" variant="danger" size="sm">
        {button}
      </Button>
    </form>
  );
}
