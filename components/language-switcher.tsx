'use client';
/**
 * The footer's language switcher. A plain form posting to a server action (it works without
 * JavaScript through the "Change" button); with JavaScript, choosing a language submits it.
 */
import { usePathname } from 'next/navigation';
import { useRef } from 'react';

export function LanguageSwitcher({
  action,
  current,
  languages,
  label,
  submitLabel,
}: {
  action: (formData: FormData) => Promise<void>;
  current: string;
  languages: { value: string; name: string }[];
  label: string;
  submitLabel: string;
}) {
  const pathname = usePathname();
  const back = useRef<HTMLInputElement>(null);
  return (
    <form
      action={action}
      className="flex items-center gap-2"
      onSubmit={() => {
        // Come back to the same page with its query (the consent page's ?request=).
        if (back.current) back.current.value = window.location.pathname + window.location.search;
      }}
    >
      <input ref={back} type="hidden" name="back" defaultValue={pathname} />
      <label htmlFor="language" className="sr-only">
        {label}
      </label>
      <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.75} className="size-4 shrink-0 text-slate-400">
        <path strokeLinecap="round" strokeLinejoin="round" d="M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18Zm0 0c2.2-2.4 3.3-5.4 3.3-9S14.2 5.4 12 3m0 18c-2.2-2.4-3.3-5.4-3.3-9S9.8 5.4 12 3M3.5 9h17M3.5 15h17" />
      </svg>
      <select
        id="language"
        name="locale"
        defaultValue={current}
        onChange={(e) => e.currentTarget.form?.requestSubmit()}
        className="rounded-md border border-slate-300 bg-white py-1 pr-7 pl-2 text-sm text-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600"
      >
        {languages.map((l) => (
          <option key={l.value} value={l.value} lang={l.value}>
            {l.name}
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-700">
          {submitLabel}
        </button>
      </noscript>
    </form>
  );
}
