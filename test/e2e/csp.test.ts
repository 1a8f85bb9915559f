import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deckPolicy, speakerViewScriptHash } from '../../src/deck/csp.js';
import { launchBrowser } from '../../src/pdf/browser.js';
import { serve, type RunningServer } from '../../src/serve/index.js';
import { type Canary, ROOT, runCli, SAMPLE, startCanary, tempDir } from '../helpers.js';

interface Violation {
  directive: string;
  blocked: string;
}

/**
 * A user template (trusted code, so it may do this) that tries to run inline
 * scripts and to load files from elsewhere: the policy must stop all of it.
 * The "elsewhere" is a local HTTP server that records every request it gets.
 */
function leakyLayout(defaultLayout: string, canary: string): string {
  return defaultLayout
    .replace(
      '</title>',
      `</title>
<script>document.documentElement.dataset.inlineRan = 'head';</script>
<link rel="stylesheet" href="${canary}/remote.css">`,
    )
    .replace(
      '</body>',
      `<img id="remote-image" src="${canary}/pixel.png" alt="">
<iframe src="${canary}/frame.html"></iframe>
<script src="${canary}/remote.js"></script>
<script>document.documentElement.dataset.inlineRan = 'body';</script>
<div class="leaky-probe">Remote font and background</div>
<img src="assets/missing.png" onerror="document.documentElement.dataset.inlineRan = 'handler'" alt="">
</body>`,
    );
}

const LEAKY_CSS = (canary: string) => `
@font-face { font-family: "Remote Sans"; src: url(${canary}/font.woff2) format('woff2'); }
.leaky-probe { font-family: "Remote Sans", serif; background-image: url(${canary}/background.png); }
`;

/**
 * Opens a page that records every CSP violation from the start (DevTools scripts are not subject to the policy).
 * With `untilResponse`, also waits until a request for that path got its response or something was blocked.
 */
async function openRecording(
  browser: Browser,
  url: string,
  options: { untilResponse?: string } = {},
): Promise<{ page: Page; violations: () => Promise<Violation[]> }> {
  const page = await browser.newPage();
  await page.evaluateOnNewDocument(() => {
    const seen: Violation[] = [];
    (window as unknown as { __violations: Violation[] }).__violations = seen;
    document.addEventListener('securitypolicyviolation', (event) =>
      seen.push({ directive: event.effectiveDirective, blocked: event.blockedURI }),
    );
  });
  const answered = options.untilResponse
    ? Promise.race([
        page.waitForResponse((response) => new URL(response.url()).pathname === options.untilResponse),
        page.waitForFunction(() => (window as unknown as { __violations: Violation[] }).__violations.length > 0),
      ])
    : undefined;
  await page.goto(url, { waitUntil: 'load' });
  await answered;
  return {
    page,
    violations: () => page.evaluate(() => (window as unknown as { __violations: Violation[] }).__violations),
  };
}

describe('the Content-Security-Policy of every deck and the index page, in Chromium', () => {
  let work: string;
  let browser: Browser;
  let canaryServer: Canary;
  let canary: string;
  let canaryHits: string[];
  const decks = () => [
    { name: 'default template', dir: path.join(work, 'out-default', 'iskp-moscow-plot') },
    { name: 'user template examples/templates/house', dir: path.join(work, 'out-house', 'iskp-moscow-plot') },
    { name: 'leaky user template', dir: path.join(work, 'out-leaky', 'iskp-moscow-plot') },
  ];

  beforeAll(async () => {
    work = await tempDir();
    canaryServer = await startCanary();
    ({ url: canary, hits: canaryHits } = canaryServer);

    const leaky = path.join(work, 'templates', 'leaky');
    await mkdir(leaky, { recursive: true });
    await writeFile(path.join(leaky, 'template.json'), JSON.stringify({ name: 'leaky', extends: 'default' }));
    await writeFile(
      path.join(leaky, 'layout.hbs'),
      leakyLayout(await readFile(path.join(ROOT, 'templates', 'default', 'layout.hbs'), 'utf8'), canary),
    );
    await writeFile(path.join(leaky, 'theme.css'), LEAKY_CSS(canary));

    const builds = [
      ['build', SAMPLE, '--no-pdf', '--out', path.join(work, 'out-default')],
      [
        'build',
        SAMPLE,
        '--no-pdf',
        '--out',
        path.join(work, 'out-house'),
        '--templates',
        path.join(ROOT, 'examples', 'templates'),
        '--template',
        'house',
      ],
      [
        'build',
        SAMPLE,
        '--no-pdf',
        '--out',
        path.join(work, 'out-leaky'),
        '--templates',
        path.join(work, 'templates'),
        '--template',
        'leaky',
      ],
    ];
    for (const args of builds) {
      const result = await runCli(args);
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
    }
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await canaryServer?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('gives each deck, from every template, exactly one policy, as the first element of <head>', async () => {
    for (const deck of decks()) {
      const html = await readFile(path.join(deck.dir, 'index.html'), 'utf8');
      expect(html.match(/http-equiv="Content-Security-Policy"/gi), deck.name).toHaveLength(1);
      // The hash is of the notes plugin this deck really ships.
      const shipped = await readFile(path.join(deck.dir, 'assets', 'reveal', 'plugin', 'notes.js'), 'utf8');
      const expected = deckPolicy(speakerViewScriptHash(shipped));
      const page = await browser.newPage();
      await page.setJavaScriptEnabled(false); // the markup as parsed, before any script
      await page.goto(pathToFileURL(path.join(deck.dir, 'index.html')).href, { waitUntil: 'load' });
      const found = await page.evaluate(() => {
        const metas = [...document.querySelectorAll('meta')].filter(
          (meta) => meta.httpEquiv.toLowerCase() === 'content-security-policy',
        );
        return { count: metas.length, first: document.head.firstElementChild === metas[0], policy: metas[0]?.content };
      });
      expect(found, deck.name).toEqual({ count: 1, first: true, policy: expected });
      await page.close();
    }
  });

  it('gives the index page one policy, first in <head>, and it opens without a violation', async () => {
    for (const out of ['out-default', 'out-house']) {
      const { page, violations } = await openRecording(browser, pathToFileURL(path.join(work, out, 'index.html')).href);
      const found = await page.evaluate(() => ({
        count: document.querySelectorAll('meta[http-equiv="Content-Security-Policy"]').length,
        first: document.head.firstElementChild?.getAttribute('http-equiv'),
        // The page's own stylesheet applied (it is allowed by hash).
        styled: getComputedStyle(document.querySelector('main')!).maxWidth,
      }));
      expect(found).toEqual({ count: 1, first: 'Content-Security-Policy', styled: '880px' });
      expect(await violations()).toEqual([]);
      await page.close();
    }
  });

  it('runs the default and house decks with no violation at all', async () => {
    for (const deck of decks().slice(0, 2)) {
      const { page, violations } = await openRecording(browser, pathToFileURL(path.join(deck.dir, 'index.html')).href);
      await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      expect(await violations(), deck.name).toEqual([]);
      await page.close();
    }
  });

  it("blocks a template's inline scripts, event handlers and remote files; its own files still load and reveal starts", async () => {
    // Control: from a file:// page without the policy, this browser does reach the canary server.
    const controlFile = path.join(work, 'control.html');
    await writeFile(controlFile, `<!doctype html><img src="${canary}/control.png" alt="">`);
    const control = await browser.newPage();
    await control.goto(pathToFileURL(controlFile).href, { waitUntil: 'load' });
    await control.close();
    expect(canaryHits).toEqual(['/control.png']);
    canaryHits.length = 0;

    const deck = decks()[2]!;
    const { page, violations } = await openRecording(browser, pathToFileURL(path.join(deck.dir, 'index.html')).href);
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady());
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    // Each of the template's nine probes ends as a violation or as a request to the canary: wait for all nine.
    await expect
      .poll(async () => (await violations()).length + canaryHits.length, { timeout: 10_000 })
      .toBeGreaterThanOrEqual(9);

    expect(await page.evaluate(() => document.documentElement.dataset.inlineRan)).toBeUndefined();
    expect(canaryHits).toEqual([]);
    // Exactly these, and nothing of the deck's own.
    const remote = (file: string) => `${canary}/${file}`;
    const sorted = (list: Violation[]) => list.map((v) => `${v.directive} ${v.blocked}`).sort();
    expect(sorted(await violations())).toEqual(
      sorted([
        { directive: 'script-src-elem', blocked: 'inline' }, // in <head>
        { directive: 'script-src-elem', blocked: 'inline' }, // in <body>
        { directive: 'script-src-attr', blocked: 'inline' }, // onerror
        { directive: 'script-src-elem', blocked: remote('remote.js') },
        { directive: 'style-src-elem', blocked: remote('remote.css') },
        { directive: 'img-src', blocked: remote('pixel.png') },
        { directive: 'img-src', blocked: remote('background.png') }, // from theme.css
        { directive: 'font-src', blocked: remote('font.woff2') }, // from theme.css
        { directive: 'frame-src', blocked: canary }, // Chromium reports only a blocked frame's origin
      ]),
    );
    // The deck's own scripts ran under the same policy.
    expect(
      await page.evaluate(() =>
        (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides(),
      ),
    ).toBe(10);
    await page.close();
  });
});

describe('the policy under briefdeck serve (live reload added)', () => {
  let work: string;
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    work = await tempDir();
    await cp(SAMPLE, path.join(work, 'content', 'brief.md'));
    server = await serve({
      paths: [path.join(work, 'content')],
      port: 0,
      outDir: path.join(work, 'output'),
      cwd: work,
      log: () => undefined,
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  it("lets the deck and the index page run serve's live-reload script and its event stream, with no violation", async () => {
    for (const url of [`${server.url}brief/index.html`, server.url]) {
      // The live-reload script's EventSource has connected (or was blocked) before violations are read.
      const { page, violations } = await openRecording(browser, url, { untilResponse: '/__briefdeck/events' });
      expect(await page.$('script[src="/__briefdeck/live.js"]'), url).not.toBeNull();
      expect(await violations(), url).toEqual([]);
      await page.close();
    }
  });
});
