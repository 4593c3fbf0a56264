/** OAUTH2_RESOURCES: RFC 8707 resource indicators accepted besides this app's own APIs and those applications declare. */
import { list, SettingsError, type Env } from '@/lib/config/env';

export function resourcesSetting(env: Env): string[] {
  const values = list(env, 'OAUTH2_RESOURCES', []);
  for (const v of values) {
    let ok = false;
    try {
      ok = !!new URL(v) && !v.includes('#');
    } catch {
      /* not a URL */
    }
    if (!ok) throw new SettingsError(`OAUTH2_RESOURCES: "${v}" is not an absolute URI without a fragment (RFC 8707 §2)`);
  }
  return values;
}
