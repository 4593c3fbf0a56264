import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import { boundaries } from './eslint/boundaries.mjs';

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: ['.next/**', 'node_modules/**', 'drizzle/migrations/**', 'next-env.d.ts', '.data/**', 'test-results/**', 'playwright-report/**', 'e2e-logs/**'] },
  ...boundaries,
];

export default config;
