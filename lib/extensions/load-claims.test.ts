/** Issue 19: OAUTH2_CLAIMS_MODULE is loaded by Node from the deployer's file, or refused with a reason. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { importClaimsModule } from './load-claims';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  fs.writeFileSync(path.join(dir, name), text);
  return name;
};

describe('OAUTH2_CLAIMS_MODULE', () => {
  it('unset: the bundled lib/extensions/claims.ts, which ships without a function (no claims, no lookups)', async () => {
    expect(await importClaimsModule(undefined)).toEqual({ ok: true, extraClaims: undefined, source: null });
    expect(await importClaimsModule('  ')).toMatchObject({ ok: true, source: null });
  });

  it('a module exporting extraClaims, by a path relative to the working directory', async () => {
    const name = file('good.mjs', 'export function extraClaims({ kind }) { return { tenant: "acme", kind }; }');
    const s = await importClaimsModule(name, dir);
    expect(s.ok).toBe(true);
    if (!s.ok) return;
    expect(await s.extraClaims!({ kind: 'userinfo' } as never)).toEqual({ tenant: 'acme', kind: 'userinfo' });
  });

  it('refuses a module without the export, and one that does not load, with a one-line reason', async () => {
    const none = await importClaimsModule(file('none.mjs', 'export const other = 1;'), dir);
    expect(none).toMatchObject({ ok: false, reason: 'OAUTH2_CLAIMS_MODULE: none.mjs does not export a function extraClaims' });
    const broken = await importClaimsModule(file('broken.mjs', 'export function extraClaims( {'), dir);
    expect(broken).toMatchObject({ ok: false, reason: expect.stringMatching(/^OAUTH2_CLAIMS_MODULE: broken\.mjs does not load \(.+\)$/) });
    const missing = await importClaimsModule('no-such-file.mjs', dir);
    expect(missing).toMatchObject({ ok: false, reason: expect.stringMatching(/^OAUTH2_CLAIMS_MODULE: no-such-file\.mjs does not load/) });
  });
});
