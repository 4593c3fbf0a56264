/**
 * `npm run manage -- <command>`: DOT's management commands. Works beside a running server, on
 * PostgreSQL or on the embedded database (reached through the server's local socket).
 */
import { parseArgs } from 'node:util';
import { adoptDatabase, openCliDatabase } from '@/lib/db/client';
import { changepassword } from './changepassword';
import { cleartokens } from './cleartokens';
import { UsageError, type Command } from './command';
import { createapplication } from './createapplication';
import { createinitialaccesstoken } from './createinitialaccesstoken';
import { createuser } from './createuser';
import { deleteapplication } from './deleteapplication';
import { listapplications } from './listapplications';
import { rotatekeys } from './rotatekeys';
import { seed } from './seed';
import { sendpasswordreset } from './sendpasswordreset';
import { verifyemail } from './verifyemail';
import { updateapplication } from './updateapplication';
import { disableapplication } from './disableapplication';
import { disableuser } from './disableuser';
import { listinitialaccesstokens } from './listinitialaccesstokens';
import { revokeinitialaccesstoken } from './revokeinitialaccesstoken';
import { setoperator } from './setoperator';
import { setroles } from './setroles';
import { backup } from './backup';
import { restore } from './restore';
import { rotatesecret } from './rotatesecret';
import { flushAudit } from '@/lib/audit';
import { events } from '@/lib/server/events';

const COMMANDS: Command[] = [
  createapplication,
  listapplications,
  updateapplication,
  deleteapplication,
  cleartokens,
  createinitialaccesstoken,
  listinitialaccesstokens,
  revokeinitialaccesstoken,
  createuser,
  changepassword,
  sendpasswordreset,
  setoperator,
  setroles,
  disableuser,
  disableapplication,
  rotatesecret,
  rotatekeys,
  seed,
  verifyemail,
  backup,
  restore,
];

function help(): string {
  return ['usage: npm run manage -- <command> [options]', '', 'commands:', ...COMMANDS.map((c) => `  ${c.name.padEnd(26)} ${c.summary}`), '', 'Each command takes --help.'].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) throw new UsageError(`unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
  let args;
  try {
    args = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' }, json: { type: 'boolean' } },
      allowPositionals: true,
      // --no-skip-authorization, --no-resource-server, --no-user (updateapplication).
      allowNegative: true,
      strict: true,
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0]!);
  }
  if (args.values.help) {
    console.log(`${command.name}: ${command.summary}\n\nusage: npm run manage -- ${command.usage}`);
    return 0;
  }
  const db = await openCliDatabase();
  try {
    if (db.kind !== "pglite-socket") await db.migrate(); // the running server has migrated
    // Modules that ask getDb() (mail, ending access, the audit trail's writes and lookups) use
    // this connection. The commands announce on the process's one bus (lib/server/events), which
    // feeds the audit trail as in the server: one bus, one subscriber.
    adoptDatabase(db);
    await command.run({ args: args as never, db, json: !!args.values.json, out: (s) => console.log(s), events });
    await flushAudit();
  } finally {
    await db.close();
  }
  return 0;
}

/**
 * One line naming the problem. A failed query's own message is its SQL and parameters (long, and
 * the parameters may be a secret's digest or sealed value): say the database's reason instead.
 */
function describeFailure(e: unknown): string {
  if (!(e instanceof Error)) return String(e);
  if (e.message.startsWith('Failed query') && e.cause instanceof Error) return `the database refused the command: ${e.cause.message.split('\n')[0]}`;
  return e.message;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`manage: ${describeFailure(e)}`);
    process.exit(e instanceof UsageError ? 2 : 1);
  },
);
