'use client';
/**
 * /account "Authenticator app": "Set up" shows a QR code and the secret as text, a code confirms
 * it, and the ten recovery codes are shown once; when on, "Generate new codes" and "Remove".
 */
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import type { AuthenticatorAppState } from '@/app/account/factor-actions';
import { FormField } from '@/components/auth/form-field';
import { Alert } from '@/components/ui/alert';
import { Button, ButtonLink } from '@/components/ui/button';
import { Spinner } from '@/components/ui/spinner';

export function RecentSignInNeeded({ reauthHref }: { reauthHref: string }) {
  const t = useTranslations('accountTwoFactor');
  return (
    <div className="space-y-3">
      <Alert tone="info">{t('reauthNeeded')}</Alert>
      <ButtonLink href={reauthHref} variant="secondary">
        {t('signInAgain')}
      </ButtonLink>
    </div>
  );
}

export function RecoveryCodes({ codes, message }: { codes: string[]; message: string }) {
  const t = useTranslations('accountTwoFactor');
  return (
    <div className="space-y-3">
      <Alert tone="success">{message}</Alert>
      <ul aria-label={t('codesLabel')} className="grid grid-cols-1 gap-2 rounded-lg border border-slate-200 bg-slate-50 p-4 font-mono text-sm text-slate-900 sm:grid-cols-2">
        {codes.map((c) => (
          <li key={c} data-testid="recovery-code">
            {c}
          </li>
        ))}
      </ul>
      <p className="text-sm text-slate-600">{t('keepSafe')}</p>
    </div>
  );
}

export function AuthenticatorApp({
  enabled,
  recoveryCodesLeft,
  recent,
  reauthHref,
  action,
}: {
  enabled: boolean;
  recoveryCodesLeft: number;
  recent: boolean;
  reauthHref: string;
  action: (prev: AuthenticatorAppState, formData: FormData) => Promise<AuthenticatorAppState>;
}) {
  const t = useTranslations('accountTwoFactor');
  const [state, formAction, pending] = useActionState(action, null);
  const busy = pending ? <Spinner /> : null;

  if (state?.step === 'reauth') return <RecentSignInNeeded reauthHref={reauthHref} />;
  if (state?.step === 'codes') return <RecoveryCodes codes={state.codes} message={state.message} />;
  if (state?.step === 'scan') {
    return (
      <form action={formAction} className="space-y-4">
        <input type="hidden" name="intent" value="confirm" />
        <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-700">
          <li>{t('scanStep')}</li>
          <li>{t('enterStep')}</li>
        </ol>
        <div className="flex flex-col items-start gap-4 sm:flex-row sm:items-center">
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server */}
          <img src={state.qrCode} alt={t('qrAlt')} width={200} height={200} className="rounded-md border border-slate-200" />
          <div className="min-w-0">
            <p className="text-sm font-medium text-slate-900">{t('secret')}</p>
            <code data-testid="totp-secret" className="mt-1 block rounded bg-slate-100 px-2 py-1 font-mono text-sm break-all text-slate-900 select-all">
              {state.secret}
            </code>
          </div>
        </div>
        <div className="max-w-xs">
          <FormField id="totp-code" name="code" label={t('code')} inputMode="numeric" autoComplete="one-time-code" maxLength={7} required autoFocus error={state.error} />
        </div>
        <Button type="submit" disabled={pending}>
          {busy}
          {t('confirm')}
        </Button>
      </form>
    );
  }

  return (
    <div className="space-y-4">
      {state?.step === 'error' ? <Alert tone="error">{state.error}</Alert> : null}
      {state?.step === 'done' ? <Alert tone="success">{state.message}</Alert> : null}
      {enabled ? (
        <>
          <p className="text-sm text-slate-700">
            <span className="font-medium text-emerald-700">{t('on')}</span> {t('onText')} {t('codesLeft', { count: recoveryCodesLeft })}
          </p>
          {recent ? (
            <div className="flex flex-wrap gap-3">
              <form action={formAction}>
                <input type="hidden" name="intent" value="regenerate" />
                <Button type="submit" variant="secondary" disabled={pending}>
                  {t('generate')}
                </Button>
              </form>
              <form action={formAction}>
                <input type="hidden" name="intent" value="remove" />
                <Button type="submit" variant="danger" disabled={pending}>
                  {t('remove')}
                </Button>
              </form>
            </div>
          ) : (
            <RecentSignInNeeded reauthHref={reauthHref} />
          )}
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t('off')}</p>
          {recent ? (
            <form action={formAction}>
              <input type="hidden" name="intent" value="start" />
              <Button type="submit" disabled={pending}>
                {busy}
                {t('setUp')}
              </Button>
            </form>
          ) : (
            <RecentSignInNeeded reauthHref={reauthHref} />
          )}
        </>
      )}
    </div>
  );
}
