/**
 * A test server whose audit trail (lib/audit) writes to its own database, for the tests of one
 * file that read audit rows back; the trail is detached when the file's tests are done.
 */
import { afterAll } from 'vitest';
import { setAuditDatabase } from '@/lib/audit';
import { createTestServer } from './oauth';

export async function createAuditedTestServer(...args: Parameters<typeof createTestServer>): ReturnType<typeof createTestServer> {
  const t = await createTestServer(...args);
  setAuditDatabase(t.db);
  afterAll(() => setAuditDatabase(null));
  return t;
}
