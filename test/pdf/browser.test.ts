import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findBrowser, launchArgs } from '../../src/pdf/browser.js';
import { PdfError } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

describe('findBrowser', () => {
  let dir: string;
  const fake = (name: string) => path.join(dir, name);
  const saved = { ...process.env };

  beforeAll(async () => {
    dir = await tempDir();
    for (const name of ['explicit', 'puppeteer-env', 'chrome-path', 'system-a', 'system-b']) {
      await writeFile(fake(name), '#!/bin/sh\n');
      await chmod(fake(name), 0o755);
    }
    // An empty Puppeteer cache, so no downloaded browser interferes with the order under test.
    await mkdir(fake('cache'));
    process.env.PUPPETEER_CACHE_DIR = fake('cache');
  });
  beforeEach(() => {
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
    delete process.env.CHROME_PATH;
  });
  afterAll(async () => {
    process.env = saved;
    await rm(dir, { recursive: true, force: true });
  });

  it('prefers an explicit path, then PUPPETEER_EXECUTABLE_PATH, then CHROME_PATH, then the system', async () => {
    process.env.PUPPETEER_EXECUTABLE_PATH = fake('puppeteer-env');
    process.env.CHROME_PATH = fake('chrome-path');
    const system = [fake('missing'), fake('system-a'), fake('system-b')];
    expect(await findBrowser(fake('explicit'), system)).toEqual({
      executablePath: fake('explicit'),
      source: '--browser',
    });
    expect(await findBrowser(undefined, system)).toEqual({
      executablePath: fake('puppeteer-env'),
      source: 'PUPPETEER_EXECUTABLE_PATH',
    });
    delete process.env.PUPPETEER_EXECUTABLE_PATH;
    expect(await findBrowser(undefined, system)).toEqual({
      executablePath: fake('chrome-path'),
      source: 'CHROME_PATH',
    });
    delete process.env.CHROME_PATH;
    expect(await findBrowser(undefined, system)).toEqual({ executablePath: fake('system-a'), source: 'system' });
  });

  it('finds nothing when nothing is installed', async () => {
    expect(await findBrowser(undefined, [fake('missing')])).toBeUndefined();
  });

  it('refuses an explicit browser that does not exist rather than silently using another', async () => {
    await expect(findBrowser(fake('nope'), [fake('system-a')])).rejects.toThrow(PdfError);
    process.env.CHROME_PATH = fake('nope');
    await expect(findBrowser(undefined, [fake('system-a')])).rejects.toThrow(/CHROME_PATH does not exist/);
  });
});

describe('launchArgs', () => {
  it('keeps Chromium off the network and adds --no-sandbox only as root', () => {
    const args = launchArgs();
    expect(args).toEqual(
      expect.arrayContaining(['--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking']),
    );
    expect(args.includes('--no-sandbox')).toBe(process.getuid?.() === 0);
  });
});
