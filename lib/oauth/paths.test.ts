import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorPagePath, isAnyOriginPathname, PATHS, resumeAuthorizationPath } from './paths';

/** The folder under app/ that answers a path: route groups `(name)` are transparent in URLs. */
function answeredByApp(urlPath: string): boolean {
  const segments = urlPath.split('/').filter(Boolean);
  const walk = (dir: string, rest: string[]): boolean => {
    if (!fs.existsSync(dir)) return false;
    const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
    if (rest.length === 0) {
      if (['route.ts', 'page.tsx'].some((f) => fs.existsSync(path.join(dir, f)))) return true;
      // An optional catch-all answers its parent path too.
      return entries.some((e) => /^\[\[\.\.\..+\]\]$/.test(e.name) && walk(path.join(dir, e.name), []));
    }
    return entries.some((e) => {
      if (e.name === rest[0]) return walk(path.join(dir, e.name), rest.slice(1));
      if (/^\(.+\)$/.test(e.name)) return walk(path.join(dir, e.name), rest);
      if (/^\[\[\.\.\..+\]\]$/.test(e.name)) return walk(path.join(dir, e.name), []);
      return false;
    });
  };
  return walk(path.join(process.cwd(), 'app'), segments);
}

describe('the endpoint path table', () => {
  it.each(Object.entries(PATHS))('%s (%s) is answered by a folder under app/', (_name, urlPath) => {
    expect(answeredByApp(urlPath)).toBe(true);
  });

  it('opens CORS to any origin only on the token endpoint, registration and metadata documents', () => {
    for (const p of [PATHS.token, `${PATHS.token}/`, PATHS.register, `${PATHS.register}/abc`, PATHS.discovery, PATHS.jwks, `${PATHS.protectedResourceMetadata}/api`]) {
      expect(isAnyOriginPathname(p), p).toBe(true);
    }
    for (const p of [PATHS.authorize, PATHS.introspect, PATHS.revoke, PATHS.userinfo, `${PATHS.register}/abc/def`, '/o/applications']) {
      expect(isAnyOriginPathname(p), p).toBe(false);
    }
  });

  it('builds the resume and error page paths under the table\'s paths', () => {
    expect(resumeAuthorizationPath('r-1_x')).toBe('/o/authorize?pending=r-1_x');
    expect(errorPagePath('invalid_request', 'Expired & gone')).toBe('/o/error?error=invalid_request&error_description=Expired+%26+gone');
  });
});
