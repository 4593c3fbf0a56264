import path from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = { '@': path.resolve(__dirname) };

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      { resolve: { alias }, test: { name: 'unit', include: ['lib/**/*.test.ts'], exclude: ['**/*.db.test.ts', 'node_modules/**'] } },
      {
        resolve: { alias },
        test: { name: 'db', include: ['lib/**/*.db.test.ts'], testTimeout: 30_000, hookTimeout: 60_000 },
      },
    ],
  },
});
