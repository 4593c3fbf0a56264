import type { DbHandle } from '@/lib/db/types';
import type { EventBus } from '@/lib/oauth/events';

/** One management command, named after DOT's (manage.py <command>). */
export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** node:util parseArgs options beyond --help and --json. */
  options: Record<string, { type: 'string' | 'boolean'; short?: string }>;
  run(ctx: {
    args: { values: Record<string, string | boolean | undefined>; positionals: string[] };
    db: DbHandle;
    json: boolean;
    out: (s: string) => void;
    /** The engine's signals (token_revoked when a deletion revokes tokens); a command-line process has its own bus. */
    events?: EventBus;
  }): Promise<void>;
}

/** Bad input: printed as one line, exit code 2. */
export class UsageError extends Error {}
