import { describe, expect, it } from 'vitest';
import { ACCESS_TOKEN_FORMATS, AUTH_METHOD_OPTIONS } from '@/lib/applications/key-rules';
import { ALGORITHMS, CLIENT_TYPES, GRANTS, RATE_LIMIT_MODES, REFRESH_TOKEN } from '@/lib/applications/options';
import { OVERLAP_OPTIONS } from '@/lib/applications/policy';
import en from '@/messages/en';

/**
 * The dashboard shows an application's choices from the catalogue (components/applications/
 * use-application-options.ts), while the CLI and registration read lib/applications' tables: the
 * English catalogue must say exactly what the tables say, or English pages would drift from them.
 */
describe('dashboard.options (English) says what lib/applications says', () => {
  const o = en.dashboard.options;

  it('grant types: label, badge and description of each', () => {
    for (const g of GRANTS) expect(o.grants[g.dotName], g.value).toEqual({ label: g.label, badge: g.badge, description: g.description });
    expect(o.refreshTokenBadge).toBe(REFRESH_TOKEN.badge);
  });

  it('client types, ID token algorithms, rate limits, authentication methods, token formats', () => {
    for (const c of CLIENT_TYPES) expect(o.clientTypes[c.value]).toEqual({ label: c.label, description: c.description });
    expect(ALGORITHMS.map((a) => a.label)).toEqual([o.algorithms.none, o.algorithms.RS256, o.algorithms.ES256]);
    for (const m of RATE_LIMIT_MODES) expect(o.rateLimitModes[m.value]).toEqual({ label: m.label, description: m.description });
    for (const m of AUTH_METHOD_OPTIONS) expect(o.authMethods[m.value]).toEqual({ label: m.label, description: m.description });
    for (const f of ACCESS_TOKEN_FORMATS) expect(o.tokenFormats[f.value]).toEqual({ label: f.label, description: f.description });
  });

  it('how long an old secret keeps working', () => {
    expect(OVERLAP_OPTIONS.map((x) => x.label)).toEqual([o.overlap.none, o.overlap.hour, o.overlap.day, o.overlap.week]);
  });
});
