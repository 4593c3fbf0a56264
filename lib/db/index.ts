import { getDb } from './client';
import { createStore } from './store';

type AppStore = ReturnType<typeof createStore>;
const g = globalThis as unknown as { __oauthStore?: AppStore };

/** The store over the server's database, built once per process (its statements are prepared once). */
export async function getStore(): Promise<AppStore> {
  if (g.__oauthStore) return g.__oauthStore;
  const db = await getDb();
  g.__oauthStore ??= createStore(db);
  return g.__oauthStore;
}
