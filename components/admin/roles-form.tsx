import { useTranslations } from 'next-intl';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';

/**
 * Issue 19: the account's roles as one text field (names separated by spaces), saved by a plain
 * form; the server action validates the names and answers with a notice.
 */
export function RolesForm({ action, userId, roles }: { action: (formData: FormData) => Promise<void>; userId: string; roles: string[] }) {
  const t = useTranslations('adminUser');
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="id" value={userId} />
      <Label htmlFor="roles">{t('rolesLabel')}</Label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input id="roles" name="roles" defaultValue={roles.join(' ')} placeholder={t('rolesPlaceholder')} autoComplete="off" spellCheck={false} className="font-mono" />
        <Button type="submit" variant="secondary" className="shrink-0">
          {t('saveRoles')}
        </Button>
      </div>
      <p className="text-xs text-slate-500">{t.rich('rolesHelp', { mono: (chunks) => <span className="font-mono">{chunks}</span> })}</p>
    </form>
  );
}
