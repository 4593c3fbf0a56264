/**
 * OIDC signing keys (RFC 7517), kept in the database so every instance signs with and
 * publishes the same keys. Generated on first use; rotation adds a key and retires the old
 * one, which stays in the JWKS until its grace period ends so tokens it signed still verify.
 */
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { SigningKeyRecord, Store } from '../store';

export const SIGNING_ALGS = ['RS256', 'ES256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

async function newKey(alg: SigningAlg) {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS256' ? { modulusLength: 2048 } : {}) });
  const kid = randomUUID();
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
  return { kid, alg, privateJwk, publicJwk };
}

export interface ActiveKey {
  kid: string;
  alg: SigningAlg;
  key: CryptoKey;
}

/** Keys as the engine uses them, cached briefly: rotation in another process shows up within `ttlMs`. */
export class KeyRing {
  private cache: { at: number; keys: SigningKeyRecord[] } | null = null;
  private imported = new Map<string, Promise<CryptoKey>>();

  constructor(
    private store: Store,
    private clock: () => Date,
    private ttlMs = 30_000,
  ) {}

  private async keys(fresh = false): Promise<SigningKeyRecord[]> {
    const now = this.clock();
    if (!fresh && this.cache && now.getTime() - this.cache.at < this.ttlMs) return this.cache.keys;
    const keys = await this.store.listSigningKeys(now);
    this.cache = { at: now.getTime(), keys };
    return keys;
  }

  /** Creates a key for each algorithm that has none (first start). Safe to race: the newest wins. */
  async ensureKeys(): Promise<void> {
    const keys = await this.keys(true);
    for (const alg of SIGNING_ALGS) {
      if (!keys.some((k) => k.alg === alg && !k.retiredAt)) await this.store.addSigningKey(await newKey(alg), this.clock());
    }
    this.cache = null;
  }

  /** `manage rotatekeys`: a new key per algorithm; the old ones retire and stay published for `graceSeconds`. */
  async rotate(graceSeconds: number): Promise<string[]> {
    const now = this.clock();
    const kids: string[] = [];
    for (const alg of SIGNING_ALGS) {
      const key = await newKey(alg);
      await this.store.addSigningKey(key, now);
      await this.store.retireSigningKeys(alg, key.kid, now, new Date(now.getTime() + graceSeconds * 1000));
      kids.push(key.kid);
    }
    this.cache = null;
    return kids;
  }

  async signingKey(alg: SigningAlg): Promise<ActiveKey> {
    let record = (await this.keys()).find((k) => k.alg === alg && !k.retiredAt);
    if (!record) {
      await this.ensureKeys();
      record = (await this.keys(true)).find((k) => k.alg === alg && !k.retiredAt);
    }
    if (!record) throw new Error(`no ${alg} signing key`);
    let key = this.imported.get(record.kid);
    if (!key) {
      key = importJWK(record.privateJwk as JWK, alg) as Promise<CryptoKey>;
      this.imported.set(record.kid, key);
    }
    return { kid: record.kid, alg, key: await key };
  }

  /** RFC 7517 §5: the public keys, active and retired-but-in-grace. Always read fresh for the JWKS endpoint. */
  async publicJwks(): Promise<{ keys: Record<string, unknown>[] }> {
    return { keys: (await this.keys(true)).map((k) => k.publicJwk) };
  }
}
