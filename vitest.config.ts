import { defineConfig } from 'vitest/config';

/** Unit tests run in plain Node: the core, environments, policy and trainer never touch the DOM. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts'],
    pool: 'forks',
    testTimeout: 60_000,
  },
});
