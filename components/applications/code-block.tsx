import { CopyButton } from './copy-button';

/** A snippet to copy: a title bar with a copy button over the code (which scrolls sideways on phones). `copyLabel`: the button's name for screen readers ("Copy token request"). */
export function CodeBlock({ title, code, copyValue, copyLabel }: { title: string; code: string; copyValue?: string; copyLabel: string }) {
  return (
    <div className="overflow-hidden rounded-lg border border-slate-800 bg-slate-900">
      <div className="flex items-center justify-between gap-3 border-b border-slate-800 py-1.5 pr-1.5 pl-4">
        <p className="text-xs font-medium text-slate-400">{title}</p>
        <CopyButton value={copyValue ?? code} label={copyLabel} tone="dark" />
      </div>
      <pre className="overflow-x-auto p-4 text-[0.8125rem] leading-6 text-slate-100">
        <code>{code}</code>
      </pre>
    </div>
  );
}
