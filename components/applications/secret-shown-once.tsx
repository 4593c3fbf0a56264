'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, type ReactNode } from 'react';
import { Alert } from '@/components/ui/alert';
import { Card, CardContent, CardFooter } from '@/components/ui/card';
import { Label } from '@/components/ui/label';
import { cn } from '@/lib/ui/utils';
import { CopyButton } from './copy-button';

/**
 * The client id and, once, the client secret (house rule 7: the server keeps only its
 * SHA-256 digest, so this is the only time anyone sees it). Rendered from the server action's
 * answer, never from a URL. Takes focus when it appears, so keyboard and screen-reader users
 * land on it.
 */
export function SecretShownOnce({
  title,
  description,
  clientId,
  clientSecret,
  keyAuthentication,
  sealed = false,
  children,
}: {
  title: string;
  description?: ReactNode;
  clientId: string;
  clientSecret: string | null;
  /** RFC 7523: a confidential client that authenticates with its own key has no secret either. */
  keyAuthentication?: boolean;
  /** RFC 7523 client_secret_jwt: the secret is kept encrypted (to check HMACs), not only as a hash. */
  sealed?: boolean;
  /** The way on: links or buttons under the panel. */
  children?: ReactNode;
}) {
  const t = useTranslations('dashboard.secret');
  const tc = useTranslations('dashboard.common');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <Card role="region" className="overflow-hidden" aria-labelledby="credentials-title">
      <div className="flex items-start gap-4 border-b border-emerald-100 bg-emerald-50/70 px-5 py-5 sm:px-6">
        <span className="flex size-10 shrink-0 items-center justify-center rounded-full bg-emerald-100 text-emerald-700">
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className="size-5">
            <path strokeLinecap="round" strokeLinejoin="round" d="m5 13 4 4L19 7" />
          </svg>
        </span>
        <div className="min-w-0">
          <h2 id="credentials-title" ref={heading} tabIndex={-1} className="text-lg font-semibold tracking-tight text-slate-900 focus:outline-none">
            {title}
          </h2>
          {description ? <p className="mt-1 text-sm text-slate-600">{description}</p> : null}
        </div>
      </div>
      <CardContent className="space-y-5 px-5 sm:px-6">
        <CredentialField id="client-id" label={tc('clientId')} copyLabel={t('copyClientId')} value={clientId} />
        {clientSecret ? (
          <>
            <CredentialField id="client-secret" label={tc('clientSecret')} copyLabel={t('copyClientSecret')} value={clientSecret} />
            <Alert tone="warning" title={t('copyNow')}>
              {sealed ? t('keptSealed') : t('keptHash')} {t('lost')}
            </Alert>
          </>
        ) : keyAuthentication ? (
          <p className="text-sm text-slate-600">{t('keyAuthentication')}</p>
        ) : (
          <p className="text-sm text-slate-600">
            {t.rich('publicClient', { code: (chunks) => <code className="font-mono text-[0.8125rem]">{chunks}</code> })}
          </p>
        )}
      </CardContent>
      {children ? <CardFooter className="flex-col-reverse items-stretch px-5 sm:flex-row sm:items-center sm:justify-end sm:px-6">{children}</CardFooter> : null}
    </Card>
  );
}

/**
 * A credential to copy: read-only, selected whole on focus, wrapping instead of scrolling so
 * it can be read (and checked) on a phone too. `copyLabel`: the copy button's name ("Copy client ID").
 */
export function CredentialField({ id, label, copyLabel, value }: { id: string; label: string; copyLabel: string; value: string }) {
  return (
    <div>
      <Label htmlFor={id}>{label}</Label>
      <div className="mt-1.5 flex items-start gap-2">
        <textarea
          id={id}
          readOnly
          rows={1}
          value={value}
          spellCheck={false}
          autoComplete="off"
          onFocus={(e) => e.currentTarget.select()}
          className={cn(
            'block min-h-10 w-full resize-none rounded-lg border border-slate-300 bg-slate-50 px-3 py-2 font-mono text-[0.8125rem] leading-6 break-all text-slate-900 shadow-xs field-sizing-content',
            'focus:border-accent-500 focus:bg-white focus:ring-3 focus:ring-accent-100 focus:outline-none',
          )}
        />
        <CopyButton value={value} label={copyLabel} selectId={id} className="h-10 shrink-0" />
      </div>
    </div>
  );
}
