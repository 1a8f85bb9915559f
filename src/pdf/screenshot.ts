import type { Page, ScreenshotClip } from 'puppeteer-core';
import { PdfError } from '../errors.js';

/** The screenshot being taken now (whichever tab), so that the next one waits for it. */
let inFront: Promise<unknown> = Promise.resolve();

/**
 * A PNG of `clip` in `page`, taken with the tab in front, one tab at a time across the browser.
 * Measured here (Chromium 156, puppeteer-core 24, two contact sheets shot at once): without this, one
 * build in three hung, a Page.captureScreenshot never answering (until Puppeteer's protocol timeout);
 * bringing the tab to front alone still hung one in three (a tab in the background gets no new frames
 * to capture, https://github.com/puppeteer/puppeteer/issues/4431, and the other tab can come to front
 * before the capture is done); with the queue as well, 10 builds in 10 finished. A capture that still does not answer within `timeout` ms fails as a PdfError (the
 * print pool retries it in a fresh tab) and lets the next one go.
 */
export function screenshotInFront(page: Page, clip: ScreenshotClip, timeout: number): Promise<Uint8Array> {
  const shot = inFront.then(async () => {
    await page.bringToFront();
    return page.screenshot({ type: 'png', clip, captureBeyondViewport: false });
  });
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new PdfError(`taking a screenshot timed out after ${timeout} ms`, 'run again with --debug')),
      timeout,
    );
  });
  const taken = Promise.race([shot, timedOut]).finally(() => clearTimeout(timer));
  inFront = taken.catch(() => undefined);
  return taken;
}
