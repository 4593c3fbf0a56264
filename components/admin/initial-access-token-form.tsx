'use client';
import { useActionState, useEffect, useRef } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { CopyButton } from '@/components/applications/copy-button';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { formatDateTime } from '@/lib/ui/format';

type State = { ok: true; token: string; expiresAt: string | null; maxUses: number | null } | { ok: false; error: string } | null;

/** Creates an initial access token; the answer shows it once (only its digest is stored). */
export function InitialAccessTokenForm({ action }: { action: (prev: State, formData: FormData) => Promise<State> }) {
  const t = useTranslations('adminRegistration');
  const locale = useLocale();
  const [state, formAction, pending] = useActionState(action, null);
  const shown = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state?.ok) shown.current?.focus();
  }, [state]);

  return (
    <div className="space-y-4">
      {state?.ok ? (
        <div ref={shown} tabIndex={-1} className="space-y-2 rounded-xl border border-emerald-200 bg-emerald-50/70 p-4 focus:outline-none">
          <p className="text-sm font-medium text-emerald-900">{t('created')}</p>
          <div className="flex items-center gap-2">
            <code id="new-initial-access-token" className="min-w-0 flex-1 rounded-lg border border-emerald-200 bg-white px-3 py-2 font-mono text-xs break-all text-slate-900">
              {state.token}
            </code>
            <CopyButton value={state.token} label={t('copy')} selectId="new-initial-access-token" />
          </div>
          <p className="text-xs text-emerald-900">
            {t.rich('usage', {
              code: (chunks) => <code className="font-mono">{chunks}</code>,
              expires: state.expiresAt ? formatDateTime(new Date(state.expiresAt), locale) : t('never'),
              uses: state.maxUses === null ? t('anyUses') : t('uses', { uses: state.maxUses }),
            })}
          </p>
        </div>
      ) : null}
      {state && !state.ok ? <Alert tone="error" title={state.error} /> : null}
      <form action={formAction} className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1.5 sm:col-span-3">
          <Label htmlFor="iat-description">{t('descriptionLabel')}</Label>
          <Input id="iat-description" name="description" maxLength={200} placeholder={t('descriptionPlaceholder')} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="iat-days">{t('expiresLabel')}</Label>
          <Input id="iat-days" name="expiresInDays" inputMode="numeric" placeholder={t('expiresPlaceholder')} />
        </div>
        <div className="space-y-1.5">
          <Label htmlFor="iat-uses">{t('maxUsesLabel')}</Label>
          <Input id="iat-uses" name="maxUses" inputMode="numeric" placeholder={t('maxUsesPlaceholder')} />
        </div>
        <div className="flex items-end">
          <Button type="submit" disabled={pending}>
            {t('create')}
          </Button>
        </div>
      </form>
    </div>
  );
}
