import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Limits that only stop a test that hangs: no test is timed. A loaded two-core machine (CI, or a
    // second suite running beside this one) can make a pipeline run take minutes.
    testTimeout: 1_800_000,
    hookTimeout: 1_800_000,
    pool: 'forks',
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/render/browser/**'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/render/browser/**/*.test.ts'],
          // One Chromium and one build of the site for the whole suite. Tests wait on what the
          // pages signal, not on fixed delays; the limits below only stop a page that hangs.
          globalSetup: ['test/render/browser/global-setup.ts'],
          testTimeout: 1_800_000,
          hookTimeout: 1_800_000,
        },
      },
    ],
  },
});
