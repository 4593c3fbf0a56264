'use client';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { buttonClasses } from '@/components/ui/button';
import { cn } from '@/lib/ui/utils';

/**
 * Copies `value` to the clipboard and says so ("Copied", announced to screen readers). Where
 * the clipboard API is unavailable, it selects the text of the element `selectId` instead,
 * ready for Ctrl+C.
 */
export function CopyButton({
  value,
  label,
  selectId,
  tone = 'light',
  className,
}: {
  value: string;
  /** What is copied, for screen readers: "Copy client secret". */
  label: string;
  selectId?: string;
  /** `dark` on a dark code block. */
  tone?: 'light' | 'dark';
  className?: string;
}) {
  const t = useTranslations('dashboard.copy');
  const [copied, setCopied] = useState<'yes' | 'select' | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      const el = selectId ? document.getElementById(selectId) : null;
      if (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement) el.select();
      setCopied('select');
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setCopied(null), 2000);
  }

  return (
    <>
    <button
      type="button"
      onClick={copy}
      aria-label={label}
      className={
        tone === 'dark'
          ? cn(
              'inline-flex h-7 items-center gap-1.5 rounded-md px-2.5 text-xs font-medium text-slate-300 transition-colors',
              'hover:bg-slate-800 hover:text-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-500',
              className,
            )
          : cn(buttonClasses({ variant: 'secondary', size: 'sm' }), 'min-w-22', className)
      }
    >
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} className={tone === 'dark' ? 'size-3.5' : 'size-4'}>
        {copied === 'yes' ? (
          <path strokeLinecap="round" strokeLinejoin="round" d="m5 13 4 4L19 7" />
        ) : (
          <path
            strokeLinecap="round"
            strokeLinejoin="round"
            d="M8 16H6a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v2m-6 12h8a2 2 0 0 0 2-2v-8a2 2 0 0 0-2-2h-8a2 2 0 0 0-2 2v8a2 2 0 0 0 2 2Z"
          />
        )}
      </svg>
      <span aria-hidden="true">{copied === 'yes' ? t('copied') : t('copy')}</span>
    </button>
    <span role="status" className="sr-only">
      {copied === 'yes' ? t('copiedStatus') : copied === 'select' ? t('selected') : ''}
    </span>
    </>
  );
}
