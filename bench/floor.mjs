// The floor for the PDF benchmark: a bare Puppeteer script that launches the
// same browser once and prints already-built decks through reveal's print view,
// one after another on one tab. Nothing of briefdeck runs here.
// Usage: node bench/floor.mjs <browser> <index.html>...
import { writeFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [executablePath, ...decks] = process.argv.slice(2);
const args = [
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
if (process.getuid?.() === 0) args.push('--no-sandbox');
const browser = await puppeteer.launch({ executablePath, headless: true, args });
const page = await browser.newPage();
for (const deck of decks) {
  await page.goto(`${pathToFileURL(deck).href}?print-pdf`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-briefdeck-pdf-ready') === 'true');
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  await writeFile(
    deck.replace(/index\.html$/, 'floor.pdf'),
    await page.pdf({ printBackground: true, preferCSSPageSize: true }),
  );
}
await browser.close();
