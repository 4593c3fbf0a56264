import { createUserStore } from '@/lib/db/users';
import { seedDemoUsers } from '@/lib/auth/demo-users';
import type { Command } from './command';

export const seed: Command = {
  name: 'seed',
  summary: 'create the demo users (alice@example.com, bob@example.com) if missing',
  usage: 'seed [--json]',
  options: {},
  async run({ db, json, out }) {
    const created = await seedDemoUsers(createUserStore(db.db));
    if (json) out(JSON.stringify({ created: created.map((u) => ({ email: u.email, password: u.password })) }));
    else if (!created.length) out('demo users already exist');
    else for (const u of created) out(`created ${u.email} / ${u.password}`);
  },
};
