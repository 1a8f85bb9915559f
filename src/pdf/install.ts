import { PdfError } from '../errors.js';
import { findBrowser, type FoundBrowser } from './browser.js';
import { chromeCacheDir, downloadChrome } from './chrome-for-testing.js';
import { aptGetInstall, canAptGet } from './system-packages.js';

/** What to do when no browser can be downloaded: said by `--install` and `--ensure` alike. */
export const NO_DOWNLOAD_HINT =
  (process.platform === 'linux'
    ? 'install Chromium with your package manager (Debian/Ubuntu: `sudo apt-get install chromium`)'
    : 'install Google Chrome') +
  ', or point briefdeck at an installed Chrome or Chromium with --browser <path>, BRIEFDECK_BROWSER, CHROME_PATH or PUPPETEER_EXECUTABLE_PATH' +
  ', or set PUPPETEER_CHROME_DOWNLOAD_BASE_URL to a mirror of Chrome for Testing and run `npx briefdeck browser --install` again';

/**
 * `briefdeck browser --install`: downloads Chrome for Testing (the build
 * puppeteer-core drives) into Puppeteer's cache, where briefdeck looks for it.
 * Throws a PdfError saying what to do instead when the download is impossible.
 */
export async function installChrome(log: (line: string) => void): Promise<FoundBrowser> {
  log(`browser: downloading Chrome for Testing into ${chromeCacheDir()}`);
  try {
    const executablePath = await downloadChrome(log);
    return { executablePath, source: "Puppeteer's download" };
  } catch (error) {
    throw new PdfError(
      `could not download Chrome for Testing (${downloadFailure(error)})`,
      NO_DOWNLOAD_HINT,
      undefined,
      { cause: error },
    );
  }
}

/**
 * The line that says why: @puppeteer/browsers reports "All providers failed for
 * chrome <build>:" and then one "  - DefaultProvider: connect ECONNREFUSED …" line.
 */
function downloadFailure(error: unknown): string {
  const lines = (error instanceof Error ? error.message : String(error))
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return (lines.at(-1) ?? 'unknown error').replace(/^- \w+: /, '');
}

/**
 * `briefdeck browser --ensure` (the repo's `prepare` script): makes sure a
 * browser is there for PDFs, without ever failing, because an install must not
 * break when a browser download is impossible. In order: a browser already
 * found; the Chrome for Testing download; Debian's chromium via apt-get when
 * running as root on Debian/Ubuntu; otherwise it says what to do.
 */
export async function ensureBrowser(log: (line: string) => void): Promise<FoundBrowser | undefined> {
  const existing = await findBrowser().catch(() => undefined);
  if (existing) {
    log(`browser: ${existing.executablePath} (${existing.source})`);
    return existing;
  }
  log('browser: none found');
  const downloaded = await installChrome(log).catch((error: PdfError) => log(`browser: ${error.what}`));
  if (downloaded) {
    log(`browser: ${downloaded.executablePath} (${downloaded.source})`);
    return downloaded;
  }
  if (canAptGet()) {
    log("browser: installing Debian's chromium with apt-get instead (needed for PDFs)");
    const installed = aptGetInstall(['chromium']) ? await findBrowser().catch(() => undefined) : undefined;
    if (installed) {
      log(`browser: ${installed.executablePath} (${installed.source})`);
      return installed;
    }
  }
  log(`browser: none available, so PDFs cannot be printed yet (HTML decks still build): ${NO_DOWNLOAD_HINT}`);
  return undefined;
}
