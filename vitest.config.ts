import { defineConfig } from 'vitest/config';

/** Unit tests run in plain Node: the core, environments, policy and trainer never touch the DOM. */
export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'cli/**/*.test.ts'],
    pool: 'forks',
    setupFiles: ['./vitest.setup.ts'],
    // Only a guard against a hang: no test may depend on how fast a (possibly busy) machine is, so
    // heavy tests are kept small and wait for work to finish, never for a time.
    testTimeout: 30 * 60_000,
  },
});
