import type { Browser } from 'puppeteer-core';
import { PdfError } from '../errors.js';
import { launchBrowser } from './browser.js';
import {
  type CaptureJob,
  DeckPrinter,
  type PrintJob,
  type PrintOptions,
  type PrintResult,
  type SlideImages,
} from './print.js';

/** More restarts than this in one batch means something kills every browser: stop trying. */
const MAX_RESTARTS = 3;

export interface PrintPoolOptions extends PrintOptions {
  /** Browser executable (otherwise found automatically: pdf/browser.ts). */
  browser?: string;
  /** false: Ctrl-C and kill are the caller's to handle (see launchBrowser). */
  handleSignals?: boolean;
  /**
   * A long-lived pool (serve, build --watch): a browser that could not be started is started again at
   * the next print, instead of failing every print after it as in a batch.
   */
  retryFailedStart?: boolean;
}

export interface RunOptions {
  /** Told when this print's failure made the pool start a new browser (the old one died). */
  onRestart?: () => void;
}

/**
 * The one browser of a build (or of serve) and its tabs. Everything printing
 * needs from a browser goes through here:
 * - the browser is started once, lazily or early (`warm`), and closed with the pool;
 * - tabs are reused: a tab that printed a deck goes back to the pool, so that the next deck of the
 *   same template can skip loading its stylesheets and fonts (DeckPrinter); one tab per print at once;
 * - a print that fails (a hung or crashed tab, the browser gone) is retried once, in a fresh tab; the
 *   failed tab is closed, never reused;
 * - a browser that dies in the middle (killed, out of memory) is started again, once however many tabs
 *   noticed, so that the decks after it still print instead of the whole build ending with
 *   "Connection closed"; after MAX_RESTARTS, every print fails at once.
 */
export class PrintPool {
  private current?: Promise<Browser>;
  private latest?: Browser;
  private restarts = 0;
  /** The current browser could not be started (or MAX_RESTARTS was passed). */
  private startFailed = false;
  private readonly idle: DeckPrinter[] = [];
  /** The tab `warm` opened, handed to the first print. */
  private warming?: Promise<DeckPrinter>;

  constructor(
    private readonly options: PrintPoolOptions = {},
    private readonly launch: () => Promise<Browser> = () =>
      launchBrowser(options.browser, { handleSignals: options.handleSignals }),
  ) {}

  /** Starts the browser now and opens its first tab: that takes about as long as building a batch's HTML. */
  warm(): void {
    this.warming ??= this.browser().then((browser) => new DeckPrinter(browser, this.options).warm());
    this.warming.catch(() => undefined); // a launch failure is reported where the browser is awaited
  }

  /**
   * The browser, started if need be (again, after a failed start, with `retryFailedStart`); rejects with
   * the launch error (a PdfError) when it could not be started.
   */
  browser(): Promise<Browser> {
    if (!this.current || (this.startFailed && this.options.retryFailedStart)) {
      // The user may have fixed what stopped it, or the machine recovered: a new start, a new count.
      this.restarts = 0;
      this.current = this.track(this.launch());
    }
    return this.current;
  }

  /** Prints one deck, retried once in a fresh tab when it fails; throws the second failure, marked "(tried twice)". */
  print(job: PrintJob, options: RunOptions = {}): Promise<PrintResult> {
    return this.run((tab) => tab.print(job), options);
  }

  /** Takes a deck's slide images without printing it (DeckPrinter.capture), with the same retry as `print`. */
  capture(job: CaptureJob, options: RunOptions = {}): Promise<SlideImages> {
    return this.run((tab) => tab.capture(job), options);
  }

  /**
   * Runs `task` with a tab of the pool's browser (for prints that open their own page, like the
   * handout: they use `tab.browser`), with the same retry, crash and restart handling as `print`.
   */
  async run<T>(task: (tab: DeckPrinter) => Promise<T>, options: RunOptions = {}): Promise<T> {
    const tab = await this.acquire();
    try {
      return await this.attempt(tab, task);
    } catch (firstError) {
      if (!(firstError instanceof PdfError)) throw firstError;
      if ((await this.recover(tab.browser)) === 'restarted') options.onRestart?.();
      let fresh: DeckPrinter;
      try {
        fresh = await this.acquire();
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        throw new PdfError(`${firstError.what}; ${error.what}`, error.hint, undefined, { cause: error });
      }
      try {
        return await this.attempt(fresh, task);
      } catch (error) {
        if (!(error instanceof PdfError)) throw error;
        // The next deck needs a live browser even when this one is given up.
        await this.recover(fresh.browser);
        throw new PdfError(`${error.what} (tried twice)`, error.hint, undefined, { cause: error });
      }
    }
  }

  /** Runs `task` in `tab`: the tab goes back to the pool when it succeeds, and is closed (never reused) when it fails. */
  private async attempt<T>(tab: DeckPrinter, task: (tab: DeckPrinter) => Promise<T>): Promise<T> {
    try {
      const result = await task(tab);
      this.idle.push(tab);
      return result;
    } catch (error) {
      await tab.close();
      throw error;
    }
  }

  /** Closes the tabs and the browser (a failed launch is ignored: it was reported where it was awaited). */
  async close(): Promise<void> {
    const warming = this.takeWarmTab();
    if (warming) this.idle.push(...(await warming.then((tab) => [tab]).catch(() => [])));
    await Promise.all(this.idle.splice(0).map((tab) => tab.close()));
    await this.current?.then((browser) => browser.close()).catch(() => undefined);
  }

  /** An idle tab of the live browser, else a new one (opened on its first print). */
  private async acquire(): Promise<DeckPrinter> {
    const warming = this.takeWarmTab();
    if (warming) return warming;
    for (let tab = this.idle.pop(); tab; tab = this.idle.pop()) {
      if (tab.browser.connected) return tab;
      await tab.close();
    }
    return new DeckPrinter(await this.liveBrowser(), this.options);
  }

  private takeWarmTab(): Promise<DeckPrinter> | undefined {
    const warming = this.warming;
    this.warming = undefined;
    return warming;
  }

  private async liveBrowser(): Promise<Browser> {
    const starting = this.browser();
    const restarted = this.restarts > 0;
    try {
      return await starting;
    } catch (error) {
      if (!(error instanceof PdfError) || !restarted) throw error;
      throw new PdfError(`the browser quit and could not be started again: ${error.what}`, error.hint, undefined, {
        cause: error,
      });
    }
  }

  /** After a failed print: if the browser it ran in has died, starts a new one, once however many tabs noticed. */
  private async recover(failed: Browser): Promise<'alive' | 'restarted' | 'already restarted'> {
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
      this.startFailed = true;
    } else {
      this.current = this.track(this.launch());
    }
    return 'restarted';
  }

  private track(launching: Promise<Browser>): Promise<Browser> {
    this.startFailed = false;
    const tracked = launching.then((browser) => {
      this.latest = browser;
      return browser;
    });
    // Handled where awaited (this also avoids an unhandled rejection meanwhile).
    tracked.catch(() => {
      if (this.current === tracked) this.startFailed = true;
    });
    return tracked;
  }
}
