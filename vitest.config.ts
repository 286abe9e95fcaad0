import { defineConfig } from 'vitest/config';

// Two tiers, one `vitest run`: the suites in test/package/ test the packed tarball (npm pack, then an
// install in build/consumer) and share the global setup that makes it; every other suite runs from the
// source tree and the build, so `npx vitest run test/classifier.test.ts` packs nothing. A project's
// global setup runs only when one of its files is selected.
export default defineConfig({
  test: {
    testTimeout: 120_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'source', include: ['test/**/*.test.ts'], exclude: ['test/package/**'] },
      },
      {
        extends: true,
        test: { name: 'package', include: ['test/package/**/*.test.ts'], globalSetup: ['test/package/packed-package.setup.ts'] },
      },
    ],
  },
});
