import { defineConfig } from 'vitest/config';

const serverProject = (db: 'sqlite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `server-${db}`,
    include: ['apps/server/test/**/*.test.ts'],
    // A few races can only be staged on one engine (two processes on one SQLite file; separate
    // PostgreSQL connections): those files run in their own engine's suite only, never as skipped tests.
    exclude: [`**/*.${db === 'sqlite' ? 'postgres' : 'sqlite'}-only.test.ts`, '**/node_modules/**'],
    env: { TEST_DB: db },
    globalSetup: [`apps/server/test/helpers/global-setup-${db}.ts`],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

/** One run, every suite: domain units, the server suites on SQLite and on PostgreSQL, the browser suite. */
export default defineConfig({
  test: {
    reporters: ['default', './scripts/summary-reporter.ts'],
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'] } },
      serverProject('sqlite'),
      serverProject('postgres'),
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['e2e/**/*.spec.ts'],
          // After the other suites: a browser starved of CPU by them on a 2-core machine times out.
          sequence: { groupOrder: 1 },
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
