import { configDefaults, defineConfig } from 'vitest/config';
import { HOOK_TIMEOUT_MS, TEST_TIMEOUT_MS } from './test/timeouts.js';

// Two lanes (https://vitest.dev/guide/projects):
// - unit: every test outside test/e2e/. No browser, no child process (test/lanes/unit-setup.ts makes
//   either one fail the test), no dist/, so `npm run test:unit` runs in seconds.
// - e2e: test/e2e/, real CLI runs of the dist/ bundle and real Chromium. test/lanes/dist-is-current.ts
//   refuses to start when dist/ is older than src/ (`npm test` compiles once, in pretest).
export default defineConfig({
  test: {
    testTimeout: TEST_TIMEOUT_MS,
    hookTimeout: HOOK_TIMEOUT_MS,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
          setupFiles: ['test/lanes/unit-setup.ts'],
          // Unit test files share each worker's modules instead of loading them afresh per file: about 3x
          // faster here (importing the pipeline dominated). A test that changes process-wide state (env,
          // cwd, a module's cache) puts it back, as test/pdf/browser.test.ts does with process.env.
          isolate: false,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/lanes/dist-is-current.ts'],
        },
      },
    ],
  },
});
