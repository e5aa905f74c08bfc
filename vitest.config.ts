import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'server/**/*.test.ts', 'src/**/*.test.ts', 'models/**/*.test.ts'],
    // Each test file starts its own engine (about 0.6 s and 150 MB); two cores, two forks.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
