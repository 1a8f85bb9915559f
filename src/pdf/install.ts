import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { findBrowser, type FoundBrowser } from './browser.js';

const require = createRequire(import.meta.url);

/**
 * Makes sure a browser is there for PDFs, without ever failing: `npm install`
 * runs this, and an install must not break because a browser download is
 * impossible. In order: a browser already found; Puppeteer's own download;
 * Debian's chromium via apt-get when running as root on Debian/Ubuntu;
 * otherwise it prints the command to run.
 */
export async function ensureBrowser(log: (line: string) => void): Promise<FoundBrowser | undefined> {
  const existing = await findBrowser().catch(() => undefined);
  if (existing) {
    log(`browser: ${existing.executablePath} (${existing.source})`);
    return existing;
  }
  log("browser: none found; trying Puppeteer's Chrome download");
  if (tryPuppeteerDownload()) {
    const downloaded = await findBrowser().catch(() => undefined);
    if (downloaded) {
      log(`browser: ${downloaded.executablePath} (${downloaded.source})`);
      return downloaded;
    }
  }
  if (process.platform === 'linux' && process.getuid?.() === 0 && existsSync('/etc/debian_version') && onPath('apt-get')) {
    log("browser: the download is not possible here; installing Debian's chromium with apt-get (needed for PDFs)");
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 ? spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env }) : update;
    const installed = install.status === 0 ? await findBrowser().catch(() => undefined) : undefined;
    if (installed) {
      log(`browser: ${installed.executablePath} (${installed.source})`);
      return installed;
    }
  }
  log('browser: none available, so PDFs cannot be printed yet (HTML decks still build). Install one with:');
  log(process.platform === 'linux' ? '  sudo apt-get install chromium   # Debian/Ubuntu' : '  npx puppeteer browsers install chrome');
  log('  or set PUPPETEER_EXECUTABLE_PATH to an installed Chrome or Chromium');
  return undefined;
}

function tryPuppeteerDownload(): boolean {
  let cli: string;
  try {
    // puppeteer's package entry is lib/cjs/puppeteer/puppeteer.js; its CLI sits in node/cli.js beside it.
    cli = path.join(path.dirname(require.resolve('puppeteer')), 'node', 'cli.js');
  } catch {
    return false;
  }
  if (!existsSync(cli)) return false;
  const result = spawnSync(process.execPath, [cli, 'browsers', 'install', 'chrome'], { stdio: 'ignore', timeout: 180_000 });
  return result.status === 0;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => existsSync(path.join(dir, command)));
}
