/** `npm run db:migrate`: applies drizzle/migrations to DATABASE_URL or the embedded database. */
import { openCliDatabase } from './client';

async function main() {
  const handle = await openCliDatabase();
  try {
    await handle.migrate();
    console.log(`migrations applied (${handle.kind})`);
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(`db:migrate: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
