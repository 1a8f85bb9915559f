import type { Browser } from 'puppeteer-core';
import { PdfError } from '../errors.js';
import { DeckPrinter, type PrintOptions } from './print.js';

/** More restarts than this in one build means something kills every browser: stop trying. */
const MAX_RESTARTS = 3;

/** What happened to the browser when a print failed. */
export type Recovery = 'alive' | 'restarted' | 'already restarted';

/**
 * The one browser of a build (or of serve), started again when it dies in the
 * middle (killed, out of memory): the decks after it still print instead of
 * the whole build ending with "Connection closed". Every print runs through
 * `twice`: one retry in a fresh tab, of a new browser if the old one is gone.
 */
export class PrintSession {
  private current: Promise<Browser>;
  private latest?: Browser;
  private restarts = 0;

  constructor(
    private readonly launch: () => Promise<Browser>,
    private readonly options: PrintOptions = {},
    /** A browser already being started (the build starts it while it writes the HTML). */
    first?: Promise<Browser>,
  ) {
    this.current = this.track(first ?? launch());
  }

  /** The current browser; rejects with the launch error when it could not be started. */
  browser(): Promise<Browser> {
    return this.current;
  }

  /** A new tab of the current browser. */
  async newPrinter(): Promise<DeckPrinter> {
    let browser: Browser;
    try {
      browser = await this.current;
    } catch (error) {
      if (!(error instanceof PdfError) || this.restarts === 0) throw error;
      throw new PdfError(`the browser quit and could not be started again: ${error.what}`, error.hint, undefined, {
        cause: error,
      });
    }
    return new DeckPrinter(browser, this.options);
  }

  /**
   * Runs `task` in `printer`'s tab; when it fails with a PdfError (a hung or
   * crashed tab, the browser gone), once more in a fresh tab. Returns the
   * result and the printer to use next; throws the second failure, marked
   * "(tried twice)". `onRestart` is told when this failure restarted the browser.
   */
  async twice<T>(
    printer: DeckPrinter,
    task: (printer: DeckPrinter) => Promise<T>,
    onRestart?: () => void,
  ): Promise<{ result: T; printer: DeckPrinter }> {
    try {
      return { result: await task(printer), printer };
    } catch (firstError) {
      if (!(firstError instanceof PdfError)) throw firstError;
      await printer.close();
      if ((await this.recover(printer.browser)) === 'restarted') onRestart?.();
      let fresh: DeckPrinter;
      try {
        fresh = await this.newPrinter();
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        throw new PdfError(`${firstError.what}; ${error.what}`, error.hint, undefined, { cause: error });
      }
      try {
        return { result: await task(fresh), printer: fresh };
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        // The next deck needs a live browser even when this one is given up.
        await fresh.close();
        await this.recover(fresh.browser);
        throw new PdfError(`${error.what} (tried twice)`, error.hint, undefined, { cause: error });
      }
    }
  }

  /**
   * After a failed print: if the browser it ran in has died, starts a new one,
   * once however many tabs noticed.
   */
  async recover(failed: Browser): Promise<Recovery> {
    if (failed.connected) return 'alive';
    if (failed !== this.latest) return 'already restarted';
    this.latest = undefined;
    if (++this.restarts > MAX_RESTARTS) {
      this.current = Promise.reject(
        new PdfError(
          `the browser quit ${MAX_RESTARTS + 1} times while printing`,
          'check the memory and the system log; run again with --debug',
        ),
      );
      this.current.catch(() => undefined); // handled where awaited
    } else {
      this.current = this.track(this.launch());
    }
    return 'restarted';
  }

  /** Closes the current browser (a failed launch is ignored: it was reported where it was awaited). */
  async close(): Promise<void> {
    await this.current.then((browser) => browser.close()).catch(() => undefined);
  }

  private track(launching: Promise<Browser>): Promise<Browser> {
    const tracked = launching.then((browser) => {
      this.latest = browser;
      return browser;
    });
    tracked.catch(() => undefined); // handled where awaited; avoid an unhandled rejection meanwhile
    return tracked;
  }
}
