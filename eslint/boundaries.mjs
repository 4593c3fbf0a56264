/**
 * The house's boundaries, enforced by `npm run lint` (issue 16). Each zone says who may not import
 * whom, and why; scripts/check-boundaries.sh plants violations and expects this rule to fail on each.
 *
 * - The engine (lib/oauth) is framework-agnostic: Web Request in, Response out. It never imports
 *   Next, React, Drizzle, the database, the sign-in code, components or pages; its storage and
 *   sign-in arrive through `Deps`.
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
        { zones: [{ target: './components', from: ['./lib/db', './drizzle'], message: 'Components take props; the page that renders them reads the database.' }] },
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
