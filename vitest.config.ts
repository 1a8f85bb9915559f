import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // End-to-end tests start Chromium and print real PDFs.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
