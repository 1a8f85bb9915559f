// serve with the formats of build: the index page links each form asked for, and each link gives the
// file made from the deck's current HTML (the PowerPoint file, speaker script and single file written
// after each save, the PDF, handout and contact sheet printed on request), never one from an earlier save.
import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser } from '../../src/pdf/browser.js';
import { serve, type RunningServer } from '../../src/serve/index.js';
import { pdfText, SAMPLE, squash, startCli, tempDir } from '../helpers.js';
import { readPptx, slideParts } from '../pptx/package-reader.js';

let fetched = 0;
/** The text of a PDF's first page, from its bytes. */
async function firstPageText(bytes: Buffer, work: string): Promise<string> {
  const file = path.join(work, `fetched-${++fetched}.pdf`);
  await writeFile(file, bytes);
  return squash(pdfText(file, 1));
}

/** The title slide of a PPTX (its XML, with the text). */
async function titleSlide(bytes: Buffer): Promise<string> {
  const parts = await readPptx(bytes);
  return parts.text.get(slideParts(parts)[0]!) ?? '';
}

/** The links of the index page as a browser shows it, by their text, for one deck. */
async function deckLinks(page: Page, url: string, title: string): Promise<Record<string, string>> {
  await page.goto(url, { waitUntil: 'load' });
  return page.$$eval(
    'li.deck',
    (items, title) => {
      const item = items.find((li) => li.querySelector('h2')?.textContent === title);
      const anchors = [...(item?.querySelectorAll('.deck__links a') ?? [])] as HTMLAnchorElement[];
      return Object.fromEntries(anchors.map((a) => [a.textContent, a.href]));
    },
    title,
  );
}

describe('briefdeck serve with every format (real server, real browser)', () => {
  let work: string;
  let file: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const log: string[] = [];
  let sample: string;
  let title: string;

  beforeAll(async () => {
    work = await tempDir('briefdeck-serve-formats-');
    file = path.join(work, 'content', 'brief.md');
    await cp(SAMPLE, file);
    sample = await readFile(SAMPLE, 'utf8');
    title = /^title: (.+)$/m.exec(sample)![1]!;
    server = await serve({
      paths: [path.join(work, 'content')],
      port: 0,
      outDir: path.join(work, 'output'),
      cwd: work,
      pptx: true,
      handout: 'a4',
      script: true,
      singleFile: true,
      contactSheet: 'a4',
      png: true,
      thumbnails: true,
      log: (line) => log.push(line),
    });
    browser = await launchBrowser();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('links every form asked for, and each link gives the current file', async () => {
    const links = await deckLinks(page, server.url, title);
    expect(Object.keys(links)).toEqual([
      'Open deck',
      'PDF',
      'Handout',
      'Contact sheet',
      'PowerPoint',
      'Single file',
      'Slide images',
      'Speaker script',
    ]);
    expect(links.PowerPoint).toBe(`${server.url}brief/brief.pptx`);
    for (const [label, href] of Object.entries(links)) {
      const response = await fetch(href);
      expect(response.status, label).toBe(200);
      const bytes = Buffer.from(await response.arrayBuffer());
      if (label === 'PDF' || label === 'Handout' || label === 'Contact sheet') {
        expect(response.headers.get('content-type'), label).toBe('application/pdf');
        expect(await firstPageText(bytes, work), label).toContain(title);
      }
      if (label === 'PowerPoint') expect(await titleSlide(bytes)).toContain(title);
      if (label === 'Slide images') {
        // slides/ is a page of the images: each one there, one per slide.
        expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
        const images = [...new Set([...bytes.toString().matchAll(/href="([^"]+)"/g)].map((m) => m[1]!))];
        expect(images).toEqual(
          Array.from({ length: 10 }, (_, i) => `/brief/slides/${String(i + 1).padStart(2, '0')}.png`),
        );
        for (const image of images) {
          const png = await fetch(new URL(image, server.url));
          expect(png.status, image).toBe(200);
          expect(png.headers.get('content-type')).toBe('image/png');
        }
      }
      if (label === 'Speaker script') expect(bytes.toString()).toContain(title);
      if (label === 'Single file') {
        expect(bytes.toString()).toContain(title);
        // Sent as it was written: the live-reload script goes into the pages of the server only.
        expect(bytes.toString()).not.toContain('/__briefdeck/live.js');
        expect(bytes.equals(await readFile(path.join(work, 'output', 'brief', 'brief.html')))).toBe(true);
      }
    }
    // The index page shows the title slide's thumbnail, made when the page asked for it.
    await page.goto(server.url, { waitUntil: 'load' });
    expect(await page.$eval('img', (img) => [img.getAttribute('src'), img.naturalWidth])).toEqual([
      'brief/thumbnails/01.png',
      320,
    ]);
    expect(log).toContainEqual(expect.stringMatching(/^printed brief\.pdf in \d+ ms$/));
    expect(log).toContainEqual(expect.stringMatching(/^handout brief-handout\.pdf \(\d+ pages\) in \d+ ms$/));
    expect(log).toContainEqual(expect.stringMatching(/^pptx {4}brief\.pptx \(10 slides\) in \d+ ms$/));
  });

  it('after a save, each link gives the file of the new HTML, asked for as soon as the rebuild is logged', async () => {
    const rebuilt = () => log.filter((line) => line.startsWith('built   brief')).length;
    const titleImage = await readFile(path.join(work, 'output', 'brief', 'slides', '01.png'));
    const before = rebuilt();
    await writeFile(file, sample.replace(`title: ${title}`, 'title: Saved Again While Serving'));
    for (let waited = 0; rebuilt() === before && waited < 20_000; waited += 20)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(rebuilt()).toBe(before + 1);
    // At once, before the PowerPoint file of the new HTML may be written: the answer waits for it.
    const [pptx, pdf, handout, script, single, contact, contactPng, slide] = await Promise.all(
      [
        'brief.pptx',
        'brief.pdf',
        'brief-handout.pdf',
        'brief-script.md',
        'brief.html',
        'brief-contact.pdf',
        'brief-contact.png',
        'slides/01.png',
      ].map(async (name) => {
        const response = await fetch(`${server.url}brief/${name}`);
        expect(response.status, name).toBe(200);
        return Buffer.from(await response.arrayBuffer());
      }),
    );
    expect(await titleSlide(pptx!)).toContain('Saved Again While Serving');
    expect(await firstPageText(pdf!, work)).toContain('Saved Again While Serving');
    expect(await firstPageText(handout!, work)).toContain('Saved Again While Serving');
    expect(script!.toString()).toContain('Saved Again While Serving');
    expect(single!.toString()).toContain('Saved Again While Serving');
    expect(await firstPageText(contact!, work)).toContain('Saved Again While Serving');
    // The sheet's picture: made with its PDF, from the same HTML.
    expect(contactPng!.subarray(1, 4).toString()).toBe('PNG');
    // The title slide's image, taken again: the title changed.
    expect(slide!.subarray(1, 4).toString()).toBe('PNG');
    expect(slide!.equals(titleImage)).toBe(false);
    // deck.json names what was made from this HTML.
    const info = JSON.parse(await readFile(path.join(work, 'output', 'brief', 'deck.json'), 'utf8'));
    expect(info).toMatchObject({
      pdf: 'brief.pdf',
      handout: 'brief-handout.pdf',
      pptx: 'brief.pptx',
      script: 'brief-script.md',
      singleFile: 'brief.html',
      contactSheet: 'brief-contact.pdf',
      contactSheetPng: 'brief-contact.png',
      png: 'slides',
    });
  });
});

describe('briefdeck serve from the command line, with formats', () => {
  it('takes the config formats and the flags as build does: --no-pdf links no PDF, and a failed print is a clear 500', async () => {
    const work = await tempDir('briefdeck-serve-formats-cli-');
    await cp(SAMPLE, path.join(work, 'content', 'brief.md'));
    await writeFile(path.join(work, 'briefdeck.config.yaml'), 'formats: [pdf, handout]\n');
    const run = startCli(
      ['serve', 'content', '--port', '0', '--pptx', '--no-pdf', '--browser', '/bin/false'],
      {},
      work,
    );
    try {
      await run.waitFor(/serving http:\/\/\S+ /);
      const url = /serving (http:\/\/\S+) /.exec(run.output())![1]!;
      const index = await (await fetch(url)).text();
      expect(index).toContain('<a href="brief/brief-handout.pdf">Handout</a>');
      expect(index).toContain('<a href="brief/brief.pptx">PowerPoint</a>');
      expect(index).not.toContain('brief.pdf');
      expect((await fetch(`${url}brief/brief.pdf`)).status).toBe(404);
      expect((await fetch(`${url}brief/brief.pptx`)).status).toBe(200);
      const handout = await fetch(`${url}brief/brief-handout.pdf`);
      expect(handout.status).toBe(500);
      const message = await handout.text();
      expect(message.split('\n')).toHaveLength(1);
      expect(message).toContain('/bin/false');
    } finally {
      run.child.kill('SIGKILL');
      await rm(work, { recursive: true, force: true });
    }
  });
});
