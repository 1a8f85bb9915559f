import { spawnSync } from 'node:child_process';
import { copyFile, cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/pdf/browser.js';
import { serve, type RunningServer } from '../../src/serve/index.js';
import { FIXTURES, SAMPLE, startCli, tempDir } from '../helpers.js';

type RevealWindow = {
  Reveal: {
    isReady(): boolean;
    getIndices(): { h: number };
    getCurrentSlide(): HTMLElement;
    getSlideNotes(slide?: HTMLElement): string;
  };
};

/** GET with the path sent exactly as given (no URL normalisation), as a hostile client can send it. */
function rawGet(port: string, rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, path: rawPath }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on('error', reject);
    request.end();
  });
}

describe('briefdeck serve (real server, real browser)', () => {
  let work: string;
  let content: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const log: string[] = [];

  const currentText = () => page.evaluate(() => (window as unknown as RevealWindow).Reveal.getCurrentSlide().innerText);
  /** Bounded waits: a live reload should land within a few seconds. */
  const within = { timeout: 10_000, polling: 100 };

  beforeAll(async () => {
    work = await tempDir();
    content = path.join(work, 'content');
    await cp(SAMPLE, path.join(content, 'brief.md'));
    await cp(path.join(FIXTURES, 'minimal.md'), path.join(content, 'other.md'));
    server = await serve({
      paths: [content],
      port: 0,
      outDir: path.join(work, 'output'),
      cwd: work,
      log: (line) => log.push(line),
    });
    browser = await launchBrowser();
    page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 720 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('serves the deck on localhost; keyboard navigation reaches the last slide', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    await page.goto(`${server.url}brief/index.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal?.isReady());
    await page.keyboard.press('End');
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal.getIndices().h === 9);
    expect(await currentText()).toContain('Sources');
    expect(log).toContainEqual(expect.stringMatching(/^built {3}brief \(10 slides\) in \d+ ms$/));
  });

  it('reloads by itself after a save, on the same slide, with the new text', async () => {
    const file = path.join(content, 'brief.md');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace('all wording in this deck is a paraphrase', 'all wording here is LIVE EDITED'));
    await page.waitForFunction(() => document.body.innerText.includes('LIVE EDITED'), within);
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal?.isReady());
    expect(await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getIndices().h)).toBe(9);
    expect(log.filter((line) => line.startsWith('built   brief'))).toHaveLength(2);
    // Only the briefing that changed was rebuilt.
    expect(log.filter((line) => line.startsWith('built   other'))).toHaveLength(1);
  });

  it('shows a broken save as an overlay with file:line, keeps the last good deck, and recovers', async () => {
    const file = path.join(content, 'brief.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('date: 2026-11-29', 'date: sometime'));
    await page.waitForSelector('#briefdeck-error-overlay', within);
    const overlay = await page.$eval('#briefdeck-error-overlay', (element) => element.textContent ?? '');
    expect(overlay).toContain(`${file}:4: front matter: "date" must be a date written YYYY-MM-DD`);
    expect(server.errors()).toHaveLength(1);
    // The last good deck is still what the server gives out.
    const response = await fetch(`${server.url}brief/index.html`);
    expect(await response.text()).toContain('LIVE EDITED');

    await writeFile(file, good.replace('LIVE EDITED', 'FIXED AGAIN'));
    await page.waitForFunction(
      () => !document.getElementById('briefdeck-error-overlay') && document.body.innerText.includes('FIXED AGAIN'),
      within,
    );
    expect(server.errors()).toEqual([]);
  });

  it("opens reveal's speaker view with the current slide's notes and a timer", async () => {
    // The previous test's save can still bring a late live reload, which puts the deck back on the slide
    // it was showing and drops keys pressed meanwhile (seen once in CI): navigate until slide 2 holds.
    const onSecondSlide = () =>
      page
        .waitForFunction(
          () =>
            (window as unknown as Partial<RevealWindow>).Reveal?.isReady() &&
            (window as unknown as RevealWindow).Reveal.getIndices().h === 1,
          { timeout: 3000 },
        )
        .then(
          () => true,
          () => false,
        );
    let arrived = false;
    for (let attempt = 0; attempt < 5 && !arrived; attempt++) {
      await page.waitForFunction(() => (window as unknown as Partial<RevealWindow>).Reveal?.isReady(), within);
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      arrived = await onSecondSlide();
    }
    expect(arrived).toBe(true);
    const expected = await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getSlideNotes());
    expect(expected).toContain('Lead with the bottom line');
    const popup = browser.waitForTarget((target) => target.opener() === page.target(), { timeout: 10_000 });
    await page.keyboard.press('s');
    const speaker = (await (await popup).page())!;
    await speaker.waitForFunction(() => document.body.innerText.includes('Lead with the bottom line'), within);
    const text = await speaker.evaluate(() => document.body.innerText);
    expect(text).toMatch(/Upcoming/i);
    expect(text).toMatch(/\d\d:\d\d:\d\d/);
    await speaker.close();
  });

  it('serves an index page whose deck and PDF links all resolve (the PDF is printed on request)', async () => {
    await page.goto(server.url, { waitUntil: 'load' });
    const links = await page.$$eval('a', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
    expect(links.some((href) => href.endsWith('/brief/index.html'))).toBe(true);
    expect(links.some((href) => href.endsWith('/brief/brief.pdf'))).toBe(true);
    for (const href of new Set(links)) {
      const response = await fetch(href);
      expect(response.status, href).toBe(200);
      if (href.endsWith('.pdf')) {
        expect(response.headers.get('content-type')).toBe('application/pdf');
        expect(
          Buffer.from(await response.arrayBuffer())
            .subarray(0, 5)
            .toString(),
        ).toBe('%PDF-');
      }
    }
    expect(log).toContainEqual(expect.stringMatching(/^printed brief\.pdf in \d+ ms$/));
  });

  it('serves an SVG opened by its own URL with a policy under which its script does not run', async () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>window.svgScriptRan = true</script><rect width="10" height="10"/></svg>';
    await writeFile(path.join(work, 'output', 'probe.svg'), svg);
    const response = await page.goto(`${server.url}probe.svg`);
    expect(await page.evaluate(() => (window as unknown as { svgScriptRan?: boolean }).svgScriptRan)).toBeUndefined();
    expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses paths outside the output folder, however the request spells them', async () => {
    // A file next to the output folder: what a traversal would reach. fetch() would normalise `..` away
    // before sending; rawGet sends each path byte for byte, as a hostile client can.
    await writeFile(path.join(work, 'secret.txt'), 'SECRET next to the output folder');
    await writeFile(path.join(work, 'output', 'inside.txt'), 'inside the output folder');
    // And one in a sibling whose name starts with the output folder's (a check without the separator passes it).
    await mkdir(path.join(work, 'output-old'), { recursive: true });
    await writeFile(path.join(work, 'output-old', 'secret.txt'), 'SECRET in output-old');
    const { port } = new URL(server.url);
    expect(await rawGet(port, '/inside.txt')).toEqual({ status: 200, body: 'inside the output folder' });
    for (const attempt of [
      '/../secret.txt',
      '/brief/../../secret.txt',
      '/..%2f..%2fetc%2fpasswd',
      '/..%2fsecret.txt',
      '/..%2foutput-old%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/%2e%2e/secret.txt',
      '/brief/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/brief\\..\\..\\secret.txt',
      `/..%2f${encodeURIComponent(work.slice(1))}%2fsecret.txt`,
      `/${encodeURIComponent(path.join(work, 'secret.txt'))}`,
    ]) {
      const response = await rawGet(port, attempt);
      expect(response.body, attempt).not.toContain('SECRET');
      expect([403, 404], `${attempt}: ${response.status}`).toContain(response.status);
    }
  });
});

describe('briefdeck serve from the command line', () => {
  it('takes the next port when the asked one is in use, and Ctrl-C stops it and its browser cleanly', async () => {
    const work = await tempDir();
    await cp(SAMPLE, path.join(work, 'content', 'brief.md'));
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const busy = (blocker.address() as { port: number }).port;
    const run = startCli(['serve', 'content', '--port', String(busy)], {}, work);
    const { child } = run;
    try {
      await run.waitFor(/serving http:\/\/\S+ /);
      const url = /serving (http:\/\/\S+) /.exec(run.output())![1]!;
      expect(run.output()).toContain(`port ${busy} is in use; serving on ${busy + 1} instead`);
      expect(url).toBe(`http://127.0.0.1:${busy + 1}/`);
      // Asking for the PDF starts a browser under this process.
      expect((await fetch(`${url}brief/brief.pdf`)).status).toBe(200);
      const children = spawnSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter(Boolean);
      expect(children.length).toBeGreaterThan(0);

      child.kill('SIGINT');
      expect(await run.exit).toBe(0);
      for (const pid of children)
        expect(spawnSync('kill', ['-0', pid]).status, `process ${pid} still running`).not.toBe(0);
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      child.kill('SIGKILL');
      blocker.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});

describe('briefdeck serve of a briefing named by its path', () => {
  it('watches its folder too: a replaced image rebuilds the deck', async () => {
    const work = await tempDir();
    await mkdir(path.join(work, 'content', 'images'), { recursive: true });
    const image = path.join(work, 'content', 'images', 'chart.png');
    await copyFile(path.join(FIXTURES, 'images', 'chart.png'), image);
    const file = path.join(work, 'content', 'pictures.md');
    await writeFile(
      file,
      '---\ntitle: Pictures\ndate: 2026-01-15\n---\n\n## Summary\n\nRising.\n\n![Attacks](images/chart.png)\n\n## Implications\n\nMore.\n\n## Recommendations\n\n1. Look.\n',
    );
    const built: string[] = [];
    let onBuilt: () => void = () => undefined;
    const server = await serve({
      paths: [file],
      port: 0,
      outDir: path.join(work, 'output'),
      cwd: work,
      log: (line) => {
        if (line.startsWith('built   pictures')) built.push(line);
        onBuilt();
      },
    });
    try {
      const html = path.join(work, 'output', 'pictures', 'index.html');
      const before = /<img src="([^"]+)"/.exec(await readFile(html, 'utf8'))?.[1];
      expect(before).toBeDefined();
      const rebuilt = new Promise<void>((resolve) => (onBuilt = () => built.length === 2 && resolve()));
      await copyFile(path.join(FIXTURES, 'images', 'tall.png'), image);
      await rebuilt;
      expect(/<img src="([^"]+)"/.exec(await readFile(html, 'utf8'))?.[1]).not.toBe(before); // copies are named by their bytes
    } finally {
      await server.close();
      await rm(work, { recursive: true, force: true });
    }
  });
});
