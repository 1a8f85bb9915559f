/**
 * Vitest's limits (vitest.config.ts) and the CLI helper's (runCli), in one place so that the helper's
 * always fires first: a hung build then fails with its own output instead of a bare vitest timeout.
 */
export const TEST_TIMEOUT_MS = 60_000; // end-to-end tests start Chromium and print real PDFs
export const HOOK_TIMEOUT_MS = 60_000;
/** How long before the test's own limit runCli gives up on a CLI run, kills it and reports its output. */
export const CLI_MARGIN_MS = 5_000;
