import { useTranslations } from 'next-intl';

/** The requested scopes as checkboxes, all ticked; `openid` (the sign-in itself) cannot be unticked. */
export function ScopeList({ scopes }: { scopes: { name: string; description: string }[] }) {
  const t = useTranslations('consent');
  return (
    <ul className="divide-y divide-slate-200 overflow-hidden rounded-lg border border-slate-200">
      {scopes.map((scope) => {
        const required = scope.name === 'openid';
        const id = `scope-${scope.name}`;
        const showName = scope.description !== scope.name;
        return (
          <li key={scope.name}>
            <label
              htmlFor={id}
              className={`flex items-start gap-3 px-4 py-3 ${required ? 'bg-slate-50' : 'cursor-pointer hover:bg-slate-50'}`}
            >
              <input
                id={id}
                type="checkbox"
                name="scope"
                value={scope.name}
                defaultChecked
                // The engine keeps `openid` whatever is sent; disabled says so.
                disabled={required}
                aria-describedby={`${id}-name`}
                className="mt-0.5 size-4 shrink-0 cursor-pointer accent-accent-600 disabled:cursor-default"
              />
              <span className="min-w-0 flex-1">
                <span className="block text-sm font-medium text-slate-900">{scope.description}</span>
                <span id={`${id}-name`} className="mt-0.5 block font-mono text-xs break-all text-slate-500">
                  {showName ? scope.name : null}
                  {required ? <span className="font-sans">{showName ? ' · ' : ''}{t('required')}</span> : null}
                </span>
              </span>
            </label>
          </li>
        );
      })}
    </ul>
  );
}
