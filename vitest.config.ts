import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // English for the suite and its children, whatever the machine's locale; and an empty
    // settings directory instead of the person's own (see the files).
    setupFiles: ['test/helpers/locale.ts', 'test/helpers/isolate-config.ts'],
    // Tests spawn real processes; give them room on a 2-core machine.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
