import type { ReactNode } from 'react';

/**
 * A titled block of a detail page. `id` names its heading; without one it is made from an English
 * title, so translated pages pass their own (a Japanese title has no a–z to make it from).
 */
export function Section({ title, description, children, id }: { title: string; description?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = id ?? `section-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3">
      <div>
        <h2 id={headingId} className="text-lg font-semibold text-slate-900">
          {title}
        </h2>
        {description ? <p className="mt-0.5 text-sm text-slate-600">{description}</p> : null}
      </div>
      {children}
    </section>
  );
}

/** A plain list inside a bordered box, or a line saying it is empty. */
export function BoxList({ empty, children }: { empty: string; children: ReactNode[] }) {
  if (!children.length) return <p className="text-sm text-slate-500">{empty}</p>;
  return <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white text-sm shadow-sm">{children}</ul>;
}
