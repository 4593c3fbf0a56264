'use client';
/** /account "Passkeys": the list (name, added, last used, "Remove") and "Add a passkey" (named). */
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { startRegistration } from '@simplewebauthn/browser';
import type { PasskeyOptionsResult, PasskeyResult } from '@/app/account/passkey-actions';
import { FormField } from '@/components/auth/form-field';
import { webAuthnErrorKind, type WebAuthnErrorKind } from '@/components/auth/webauthn-errors';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

export interface PasskeyView {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  synced: boolean;
}

/** The browser's refusals in the page's words (accountPasskeys). */
const PROMPT_KEYS = {
  cancelled: 'promptCancelled',
  duplicate: 'promptDuplicate',
  insecure: 'promptInsecure',
  unsupported: 'promptUnsupported',
  incomplete: 'promptIncomplete',
} as const satisfies Record<WebAuthnErrorKind, string>;

export function Passkeys({
  passkeys,
  notice,
  reauthHref,
  actions,
}: {
  passkeys: PasskeyView[];
  notice: { tone: 'success' | 'info'; text: string } | null;
  reauthHref: string;
  actions: {
    options: () => Promise<PasskeyOptionsResult>;
    add: (input: { name: string; ceremony: string; response: unknown }) => Promise<PasskeyResult>;
    remove: (formData: FormData) => Promise<void>;
  };
}) {
  const t = useTranslations('accountPasskeys');
  const router = useRouter();
  const [name, setName] = useState('');
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string; reauth?: boolean } | null>(null);
  const [pending, startTransition] = useTransition();

  function add() {
    setMessage(null);
    if (!name.trim()) {
      setMessage({ tone: 'error', text: t('nameMissing') });
      return;
    }
    startTransition(async () => {
      const begun = await actions.options();
      if (!begun.ok) return setMessage({ tone: 'error', text: begun.message, reauth: begun.reauth });
      let response: unknown;
      try {
        response = await startRegistration(begun.options);
      } catch (e) {
        const kind = webAuthnErrorKind(e);
        return setMessage({ tone: 'error', text: t(kind ? PROMPT_KEYS[kind] : 'createFailed') });
      }
      const added = await actions.add({ name, ceremony: begun.ceremony, response });
      setMessage({ tone: added.ok ? 'success' : 'error', text: added.message, reauth: !added.ok && added.reauth });
      if (added.ok) {
        setName('');
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-4">
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}
      {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      {message?.reauth ? (
        <ButtonLink href={reauthHref} variant="secondary">
          {t('signInAgain')}
        </ButtonLink>
      ) : null}
      {passkeys.length ? (
        <ul aria-label={t('listLabel')} className="divide-y divide-slate-200 rounded-lg border border-slate-200">
          {passkeys.map((p) => (
            <li key={p.id} className="flex flex-wrap items-center justify-between gap-3 px-4 py-3">
              <div className="min-w-0">
                <p className="truncate font-medium text-slate-900">{p.name}</p>
                <p className="text-sm text-slate-600">
                  {[p.synced ? t('synced') : t('deviceOnly'), t('added', { date: p.createdAt }), p.lastUsedAt ? t('lastUsed', { when: p.lastUsedAt }) : t('notUsed')].join(' · ')}
                </p>
              </div>
              <form action={actions.remove}>
                <input type="hidden" name="id" value={p.id} />
                <Button type="submit" variant="secondary" size="sm" aria-label={t('removeLabel', { name: p.name })}>
                  {t('remove')}
                </Button>
              </form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-700">{t('empty')}</p>
      )}
      <form
        className="flex flex-col gap-3 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <div className="sm:w-72">
          <FormField id="passkey-name" name="name" label={t('nameLabel')} placeholder={t('namePlaceholder')} maxLength={64} value={name} onChange={(e) => setName(e.target.value)} />
        </div>
        <Button type="submit" disabled={pending}>
          {pending ? <Spinner /> : null}
          {t('add')}
        </Button>
      </form>
    </div>
  );
}
