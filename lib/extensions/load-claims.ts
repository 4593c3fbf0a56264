/**
 * Which claims module the server uses: OAUTH2_CLAIMS_MODULE's file when set, else
 * lib/extensions/claims.ts (compiled with the app). A module that does not load, or does not
 * export a function `extraClaims`, leaves the server running without it — the engine then
 * refuses with server_error every request that would have carried its claims (never a token
 * without them), and /api/ready answers 503 naming the problem, so a deployment does not go live.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ExtraClaims } from '@/lib/oauth/claims-extension';
import { extraClaims as bundled } from './claims';

export type ClaimsModuleState = { ok: true; extraClaims: ExtraClaims | undefined; source: string | null } | { ok: false; reason: string; source: string; /** For /api/ready, which is public: no path, no message. */ summary: string };

let state: Promise<ClaimsModuleState> | undefined;

export async function importClaimsModule(file: string | undefined, cwd = process.cwd()): Promise<ClaimsModuleState> {
  if (!file?.trim()) return { ok: true, extraClaims: bundled, source: null };
  const source = file.trim();
  try {
    // webpackIgnore: the file is the deployer's, read at run time by Node, never bundled.
    const mod = (await import(/* webpackIgnore: true */ pathToFileURL(path.resolve(cwd, source)).href)) as { extraClaims?: unknown; default?: { extraClaims?: unknown } };
    const fn = mod.extraClaims ?? mod.default?.extraClaims;
    if (typeof fn !== 'function') return { ok: false, source, reason: `OAUTH2_CLAIMS_MODULE: ${source} does not export a function extraClaims`, summary: 'claims module: OAUTH2_CLAIMS_MODULE exports no function extraClaims' };
    return { ok: true, extraClaims: fn as ExtraClaims, source };
  } catch (e) {
    const why = e instanceof Error ? e.message.split('\n')[0] : String(e);
    return { ok: false, source, reason: `OAUTH2_CLAIMS_MODULE: ${source} does not load (${why})`, summary: 'claims module: OAUTH2_CLAIMS_MODULE does not load (the server log says why)' };
  }
}

/** Loaded once per process. */
export function claimsModule(): Promise<ClaimsModuleState> {
  state ??= importClaimsModule(process.env.OAUTH2_CLAIMS_MODULE).then((s) => {
    if (!s.ok) console.error(`claims: ${s.reason}`);
    return s;
  });
  return state;
}

/** What Deps.extraClaims gets: the module's function, one that always fails if it did not load, or undefined. */
export async function extraClaimsForServer(): Promise<ExtraClaims | undefined> {
  const s = await claimsModule();
  if (s.ok) return s.extraClaims;
  return () => {
    throw new Error(s.reason);
  };
}
