import { singleton } from '@/lib/runtime/singletons';
import { getDb } from './client';
import { createApplicationStore } from './applications';
import { createDashboardStore, type DashboardStore } from './dashboard';
import { createStore } from './engine-store';

type AppStore = ReturnType<typeof createStore>;
type ApplicationStore = ReturnType<typeof createApplicationStore>;

/** The store over the server's database, built once per process (its statements are prepared once). */
export function getStore(): Promise<AppStore> {
  return singleton('store', async () => createStore(await getDb()));
}

/** The dashboard's owner-scoped queries over the server's database, built once per process. */
export function getDashboardStore(): Promise<DashboardStore> {
  return singleton('dashboard-store', async () => createDashboardStore(await getDb()));
}

/** Registering applications (the dashboard's register page; `manage createapplication` opens its own). */
export function getApplicationStore(): Promise<ApplicationStore> {
  return singleton('application-store', async () => createApplicationStore(await getDb()));
}
