import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { openCliDatabase, openServerDatabase } from './client';

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

describe('opening PostgreSQL at start', () => {
  it('an unreachable DATABASE_URL fails with one line naming DATABASE_URL and never the password', async () => {
    const port = await closedPort();
    const saved = process.env.DATABASE_URL;
    process.env.DATABASE_URL = `postgres://app:s3cret-password@127.0.0.1:${port}/oauth`;
    try {
      const error = await openServerDatabase().then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message).toMatch(new RegExp(`^DATABASE_URL: cannot connect to PostgreSQL at 127\\.0\\.0\\.1:${port}/oauth`));
      expect(error?.message).not.toContain('s3cret-password');
      expect(error?.message.split('\n')).toHaveLength(1);
      await expect(openCliDatabase()).rejects.toThrow(/^DATABASE_URL: /);
    } finally {
      if (saved === undefined) delete process.env.DATABASE_URL;
      else process.env.DATABASE_URL = saved;
    }
  });
});
