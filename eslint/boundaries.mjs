/**
 * The house's boundaries, enforced by `npm run lint` (issue 16). Each zone says who may not import
 * whom, and why; scripts/check-boundaries.sh plants violations and expects this rule to fail on each.
 *
 * - The engine (lib/oauth) is framework-agnostic: Web Request in, Response out. It never imports
 *   Next, React, Drizzle, the database, the sign-in code, components or pages; its storage and
 *   sign-in arrive through `Deps`. Of lib/applications it may read only the grant table and the
 *   rules (options.ts, rules.ts, identity-rules.ts: pure, no imports of their own but the engine's redirect-URI
 *   checks), which dynamic registration shares with the dashboard and the CLI; never the
 *   service, which writes through lib/db.
 * - Components never import the application service (it mints secrets and writes the database).
 * - Components take props: they never read the database (not even its types).
 * - Route handlers are one-liners onto the engine or a module: they never build queries.
 */
const ENGINE = 'lib/oauth';

export const boundaries = [
  {
    files: [`${ENGINE}/**/*.ts`],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'react', 'react/*', 'react-dom', 'react-dom/*'], message: 'The engine is framework-agnostic: it takes a Web Request and returns a Response.' },
            { group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/*'], message: 'The engine reaches storage only through the Store interface (lib/oauth/store.ts).' },
          ],
        },
      ],
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: `./${ENGINE}`,
              from: ['./lib/db', './lib/auth', './components', './app', './drizzle', './lib/server'],
              message: 'The engine gets storage, sign-in and settings through Deps (lib/oauth/context.ts); it imports none of them.',
            },
            {
              target: `./${ENGINE}`,
              from: './lib/applications',
              except: ['./options.ts', './rules.ts', './identity-rules.ts'],
              message: 'The engine may read the grant table and the rules (lib/applications/options.ts, rules.ts, identity-rules.ts), nothing that writes.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        {
          zones: [
            { target: './components', from: ['./lib/db', './drizzle'], message: 'Components take props; the page that renders them reads the database.' },
            { target: './components', from: './lib/applications/service.ts', message: 'Components take props; server actions call the application service.' },
          ],
        },
      ],
    },
  },
  {
    files: ['app/**/route.ts'],
    rules: {
      'import/no-restricted-paths': [
        'error',
        { zones: [{ target: './app', from: ['./lib/db', './drizzle'], message: 'Route handlers are one line onto the engine or a module; queries live under lib/db.' }] },
      ],
    },
  },
];
