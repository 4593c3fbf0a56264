import { getDb } from './client';
import { createApplicationStore } from './applications';
import { createDashboardStore, type DashboardStore } from './dashboard';
import { createStore } from './engine-store';

type AppStore = ReturnType<typeof createStore>;
const g = globalThis as unknown as { __oauthStore?: AppStore };

/** The store over the server's database, built once per process (its statements are prepared once). */
export async function getStore(): Promise<AppStore> {
  if (g.__oauthStore) return g.__oauthStore;
  const db = await getDb();
  g.__oauthStore ??= createStore(db);
  return g.__oauthStore;
}

const d = globalThis as unknown as { __dashboardStore?: DashboardStore; __applicationStore?: ApplicationStore };

/** The dashboard's owner-scoped queries over the server's database, built once per process. */
export async function getDashboardStore(): Promise<DashboardStore> {
  if (d.__dashboardStore) return d.__dashboardStore;
  const db = await getDb();
  d.__dashboardStore ??= createDashboardStore(db);
  return d.__dashboardStore;
}

type ApplicationStore = ReturnType<typeof createApplicationStore>;

/** Registering applications (the dashboard's register page; `manage createapplication` opens its own). */
export async function getApplicationStore(): Promise<ApplicationStore> {
  if (d.__applicationStore) return d.__applicationStore;
  const db = await getDb();
  d.__applicationStore ??= createApplicationStore(db);
  return d.__applicationStore;
}
