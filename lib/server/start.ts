/**
 * Server start (from instrumentation.ts): validate settings (OAUTH2_ISSUER in production) and
 * AUTH_SECRET, open the database, apply migrations, and for the local instance create and print
 * the demo users (lib/config/deployment.ts says when).
 * With OAUTH2_WORKERS > 1 server.mjs's primary process runs all of this once, then forks the
 * workers; a worker (isClusterWorker) checks the settings and opens its own pool, nothing more.
 * Any failure prints one line naming what is wrong and exits non-zero.
 */
import { openServerDatabase } from '@/lib/db/client';
import { createUserStore } from '@/lib/db/users';
import { getSettings } from '@/lib/config/settings';
import { authSecret } from '@/lib/auth/secret';
import { DEMO_USERS, seedDemoUsers } from '@/lib/auth/demo-users';
import { checkIssuerRequired, demoUsersWanted } from '@/lib/config/deployment';
import { isClusterWorker, processEnv, usesEmbeddedDatabase } from '@/lib/config/process-env';
import { offerFastPath, onCloseDatabase, serverLifecycle } from '@/lib/runtime/server-globals';

export async function startServer(): Promise<void> {
  try {
    getSettings();
    checkIssuerRequired(processEnv());
    const embedded = usesEmbeddedDatabase();
    const demoUsers = demoUsersWanted(processEnv(), embedded);
    authSecret();
    const handle = await openServerDatabase();
    // server.mjs (OAUTH2_FAST_PATH) sends the machine endpoints straight to their handlers.
    offerFastPath((await import('@/lib/server/machine-routes')).matchMachineRoute);
    if (isClusterWorker()) {
      // The primary migrated, seeded, made the keys and runs the mail worker; it closes its own pool.
      onCloseDatabase(() => handle.close());
      return;
    }
    await handle.migrate();
    if (demoUsers) {
      const created = await seedDemoUsers(createUserStore(handle.db));
      if (created.length) {
        console.log('Demo users (sign in at /login):');
        for (const u of DEMO_USERS) console.log(`  ${u.email} / ${u.password}`);
      }
    }
    // OIDC signing keys: generated on first start, shared by every instance through the database.
    const { getOAuthServer } = await import('@/lib/server/oauth-server');
    await (await getOAuthServer()).deps.keys?.ensureKeys();
    console.log(`Database ready (${embedded ? 'embedded PGlite under .data/' : 'PostgreSQL'}), migrations applied.`);
    // Mail: delivers what was queued (also while the server was down) and retries failures.
    const { startMailWorker } = await import('@/lib/mail');
    const stopMail = await startMailWorker();
    // Back-channel logout: delivers logout tokens queued at sign-out, with retries.
    const { startLogoutWorker } = await import('@/lib/logout');
    const stopLogout = await startLogoutWorker();
    const closeAll = async () => {
      await stopMail().catch((e: unknown) => console.error(`mail: stopping the worker: ${e instanceof Error ? e.message : String(e)}`));
      await stopLogout().catch((e: unknown) => console.error(`back-channel logout: stopping the worker: ${e instanceof Error ? e.message : String(e)}`));
      await handle.close();
    };
    // server.mjs drains requests in flight on SIGTERM, then calls this; under `next start` /
    // `next dev` there is no drain, so close at the signal as before.
    onCloseDatabase(closeAll);
    if (!serverLifecycle()?.customServer) {
      const close = () => {
        closeAll().finally(() => process.exit(0));
      };
      process.once('SIGTERM', close);
      process.once('SIGINT', close);
    }
  } catch (e) {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(1);
  }
}
