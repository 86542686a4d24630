import { defineConfig } from 'vitest/config';

const jsonReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Checks every session any test runs against the invariants (test/setup/invariants.ts).
    setupFiles: ['test/setup/invariants.ts'],
    testTimeout: 20_000,
    hookTimeout: 60_000,
    // CI reads the counts from vitest's JSON report (see .ci/run).
    reporters: jsonReport ? ['default', ['json', { outputFile: jsonReport }]] : ['default'],
  },
});
