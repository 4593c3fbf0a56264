/**
 * Which scopes a request needs, as DOT's permission classes put it:
 * TokenHasScope (required scopes, all or any: Authlib's AND / OR), TokenHasReadWriteScope
 * (safe methods need OAUTH2_READ_SCOPE, others OAUTH2_WRITE_SCOPE) and TokenHasResourceScope
 * (`music` means `music:read` for safe methods and `music:write` otherwise).
 * `scopes` may also be a function of the request: ScopedResourceMixin.get_scopes().
 */

/** DOT's ScopedResourceMixin.get_scopes(): the scopes this request needs, computed per request. */
export type ScopesFor = (req: Request) => string[] | Promise<string[]>;

export interface ScopeRules {
  /** Scopes the token must carry, or a function of the request that returns them. */
  scopes?: string[] | ScopesFor;
  /** 'all' (default): every one of `scopes`; 'any': at least one. */
  match?: 'all' | 'any';
  /** DOT's ReadWriteScopedResourceView: add the read or write scope by method. */
  readWrite?: boolean;
  /** DOT's TokenHasResourceScope: `music` → `music:read` / `music:write` by method. */
  resourceScopes?: string[];
  /**
   * DOT's TokenMatchesOASRequirements (`required_alternate_scopes`): per method, a list of scope
   * sets of which the token must hold at least one whole set, as OpenAPI security requirements
   * read: `{ GET: [['read']], POST: [['create'], ['post', 'widget']] }`. A method not listed is refused.
   */
  alternateScopes?: Record<string, string[][]>;
}

/** The scopes one request needs: every one of `all`, one of `any` (if any), and one whole set of `alternatives` (if given). */
export interface NeededScopes {
  all: string[];
  any: string[];
  alternatives?: string[][];
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function isSafeMethod(method: string): boolean {
  return SAFE.has(method.toUpperCase());
}

/** The rules with `scopes` computed for this request (a function is called once per request). */
export async function resolveScopes<R extends ScopeRules>(rules: R, req: Request): Promise<R & { scopes?: string[] }> {
  return typeof rules.scopes === 'function' ? { ...rules, scopes: await rules.scopes(req) } : (rules as R & { scopes?: string[] });
}

/** The scope check for one request: `all` must all be granted, and at least one of `any` if it is non-empty. */
export function requiredScopes(rules: ScopeRules & { scopes?: string[] }, method: string, settings: { readScope: string; writeScope: string }): NeededScopes {
  const safe = isSafeMethod(method);
  const all: string[] = [];
  const any: string[] = [];
  if (rules.match === 'any') any.push(...(rules.scopes ?? []));
  else all.push(...(rules.scopes ?? []));
  if (rules.readWrite) all.push(safe ? settings.readScope : settings.writeScope);
  for (const r of rules.resourceScopes ?? []) all.push(`${r}:${safe ? 'read' : 'write'}`);
  const alternatives = rules.alternateScopes ? (rules.alternateScopes[method.toUpperCase()] ?? []) : undefined;
  return { all: [...new Set(all)], any, ...(alternatives ? { alternatives } : {}) };
}

export function hasScopes(granted: string[], need: NeededScopes): boolean {
  return (
    need.all.every((s) => granted.includes(s)) &&
    (need.any.length === 0 || need.any.some((s) => granted.includes(s))) &&
    (!need.alternatives || need.alternatives.some((set) => set.every((s) => granted.includes(s))))
  );
}
