import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
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
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
