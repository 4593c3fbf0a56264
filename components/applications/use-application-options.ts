/**
 * The choices an application has (lib/applications/options.ts, key-rules.ts, policy.ts) in the
 * page's language. Those tables stay English for the CLI and dynamic registration; here each
 * entry gets its label and description from `dashboard.options` by its value (the English
 * catalogue repeats the tables' words; lib/i18n/dashboard-options.test.ts keeps them equal).
 * A hook: works in client components and in (non-async) server components alike.
 */
import { useTranslations } from 'next-intl';
import { ACCESS_TOKEN_FORMATS, AUTH_METHOD_OPTIONS } from '@/lib/applications/key-rules';
import { ALGORITHMS, CLIENT_TYPES, GRANTS, RATE_LIMIT_MODES, REFRESH_TOKEN } from '@/lib/applications/options';
import { OVERLAP_OPTIONS } from '@/lib/applications/policy';

/** OVERLAP_OPTIONS' values (seconds) → their catalogue keys. */
export const OVERLAP_KEYS = { '0': 'none', '3600': 'hour', '86400': 'day', '604800': 'week' } as const satisfies Record<(typeof OVERLAP_OPTIONS)[number]['value'], string>;

const ALGORITHM_KEYS = { '': 'none', RS256: 'RS256', ES256: 'ES256' } as const satisfies Record<(typeof ALGORITHMS)[number]['value'], string>;

export function useApplicationOptions() {
  const t = useTranslations('dashboard.options');
  const grantBadge = (value: string): string => {
    const grant = GRANTS.find((g) => g.value === value);
    if (grant) return t(`grants.${grant.dotName}.badge`);
    return value === REFRESH_TOKEN.value ? t('refreshTokenBadge') : value;
  };
  return {
    grants: GRANTS.map((g) => ({ ...g, label: t(`grants.${g.dotName}.label`), description: t(`grants.${g.dotName}.description`) })),
    grantBadge,
    clientTypes: CLIENT_TYPES.map((c) => ({ ...c, label: t(`clientTypes.${c.value}.label`), description: t(`clientTypes.${c.value}.description`) })),
    clientTypeLabel: (value: 'confidential' | 'public') => t(`clientTypes.${value}.label`),
    algorithms: ALGORITHMS.map((a) => ({ ...a, label: t(`algorithms.${ALGORITHM_KEYS[a.value]}`) })),
    rateLimitModes: RATE_LIMIT_MODES.map((m) => ({ ...m, label: t(`rateLimitModes.${m.value}.label`), description: t(`rateLimitModes.${m.value}.description`) })),
    authMethods: AUTH_METHOD_OPTIONS.map((m) => ({ ...m, label: t(`authMethods.${m.value}.label`), description: t(`authMethods.${m.value}.description`) })),
    tokenFormats: ACCESS_TOKEN_FORMATS.map((f) => ({ ...f, label: t(`tokenFormats.${f.value}.label`), description: t(`tokenFormats.${f.value}.description`) })),
    refresh: (['on', 'off'] as const).map((value) => ({ value, label: t(`refresh.${value}.label`), description: t(`refresh.${value}.description`) })),
    overlaps: OVERLAP_OPTIONS.map((o) => ({ ...o, label: t(`overlap.${OVERLAP_KEYS[o.value]}`) })),
  };
}
