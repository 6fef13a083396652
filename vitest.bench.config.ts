import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Benchmarks (`npm run bench`): plain Node, real SQLite files in temp folders. Speed is measured
// here, never asserted in unit tests.
const root = dirname(fileURLToPath(import.meta.url));
const alias = { '@shared': resolve(root, 'shared') };

export default defineConfig({
  resolve: { alias },
  test: {
    name: 'bench',
    environment: 'node',
    include: [],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
  },
});
