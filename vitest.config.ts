import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // English for the suite and its children, whatever the machine's locale (see the file).
    setupFiles: ['test/helpers/locale.ts'],
    // Tests spawn real processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
