// `briefdeck browser --install` downloads Chrome for Testing through @puppeteer/browsers'
// API into Puppeteer's cache, and briefdeck then finds it there. No network: the
// download host is a server on 127.0.0.1 (PUPPETEER_CHROME_DOWNLOAD_BASE_URL, Puppeteer's
// own variable) that serves a "Chrome" which is a script starting the system Chromium.
import { createServer, type Server } from 'node:http';
import { mkdir, rm, symlink } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PUPPETEER_REVISIONS } from 'puppeteer-core/internal/revisions.js';
import { Browser, computeExecutablePath, detectBrowserPlatform, getDownloadUrl } from '@puppeteer/browsers';
import { runCli, SAMPLE, tempDir, pdfText } from '../helpers.js';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const BUILD = PUPPETEER_REVISIONS.chrome;

/** A zip archive of stored (uncompressed) files, with their Unix modes: what extract-zip unpacks. */
function storedZip(files: Array<{ name: string; data: Buffer; mode: number }>): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, data, mode } of files) {
    const nameBytes = Buffer.from(name);
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE((3 << 8) | 20, 4); // made by Unix, so the external attributes hold the mode
    entry.writeUInt16LE(20, 6);
    entry.writeUInt32LE(crc32(data), 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE((mode << 16) >>> 0, 38);
    entry.writeUInt32LE(offset, 42);
    local.push(header, nameBytes, data);
    central.push(entry, nameBytes);
    offset += header.length + nameBytes.length + data.length;
  }
  const centralSize = central.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, end]);
}

describe('briefdeck browser --install', () => {
  let server: Server;
  let baseUrl: string;
  const requested: string[] = [];

  beforeAll(async () => {
    const platform = detectBrowserPlatform()!;
    const archivePath = new URL(getDownloadUrl(Browser.CHROME, platform, BUILD, 'http://host/base')).pathname;
    // The executable's path inside the archive, as @puppeteer/browsers expects it after unpacking.
    const inside = path.relative(
      path.join('/cache', 'chrome', `${platform}-${BUILD}`),
      computeExecutablePath({ browser: Browser.CHROME, buildId: BUILD, cacheDir: '/cache' }),
    );
    const archive = storedZip([
      { name: inside, data: Buffer.from(`#!/bin/sh\nexec ${SYSTEM_CHROMIUM} "$@"\n`), mode: 0o100755 },
    ]);
    server = createServer((request, response) => {
      requested.push(request.url ?? '');
      if (request.url === archivePath) response.writeHead(200, { 'content-length': archive.length }).end(archive);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/base`;
  });

  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("downloads Chrome for Testing into Puppeteer's cache, and build then prints with it", async () => {
    const dir = await tempDir();
    try {
      const env = {
        PUPPETEER_CACHE_DIR: path.join(dir, 'cache'),
        PUPPETEER_CHROME_DOWNLOAD_BASE_URL: baseUrl,
        PUPPETEER_EXECUTABLE_PATH: '',
        CHROME_PATH: '',
      };
      const install = await runCli(['browser', '--install'], { env });
      expect(install.stderr).toBe('');
      expect(install.code).toBe(0);
      const executable = computeExecutablePath({
        browser: Browser.CHROME,
        buildId: BUILD,
        cacheDir: env.PUPPETEER_CACHE_DIR,
      });
      expect(install.stdout).toContain(`${executable} (Puppeteer's download)`);
      expect(requested.some((url) => url.includes(BUILD))).toBe(true);

      // Found before the system Chromium, and it prints.
      const shown = await runCli(['browser'], { env });
      expect(shown.stdout.trim()).toBe(`${executable} (Puppeteer's download)`);
      const build = await runCli(['build', SAMPLE, '--out', path.join(dir, 'out')], { env });
      expect(build.stderr).toBe('');
      expect(build.code).toBe(0);
      expect(pdfText(path.join(dir, 'out', 'iskp-moscow-plot', 'iskp-moscow-plot.pdf'))).toContain('Recommendations');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("finds a Chrome for Testing already in Puppeteer's cache (e.g. from `npx puppeteer browsers install chrome`)", async () => {
    const dir = await tempDir();
    try {
      const cacheDir = path.join(dir, 'cache');
      const executable = computeExecutablePath({ browser: Browser.CHROME, buildId: BUILD, cacheDir });
      await mkdir(path.dirname(executable), { recursive: true });
      await symlink(SYSTEM_CHROMIUM, executable);
      const shown = await runCli(['browser'], {
        env: { PUPPETEER_CACHE_DIR: cacheDir, PUPPETEER_EXECUTABLE_PATH: '', CHROME_PATH: '' },
      });
      expect(shown.stdout.trim()).toBe(`${executable} (Puppeteer's download)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('says what to do instead when the download host cannot be reached (exit 3, one line)', async () => {
    const dir = await tempDir();
    try {
      // A port nothing listens on: the connection is refused at once.
      const closed = createServer();
      await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((resolve) => closed.close(() => resolve()));
      const env = {
        PUPPETEER_CACHE_DIR: path.join(dir, 'cache'),
        PUPPETEER_CHROME_DOWNLOAD_BASE_URL: `http://127.0.0.1:${port}`,
      };
      const install = await runCli(['browser', '--install'], { env });
      expect(install.code).toBe(3);
      const lines = install.stderr.trim().split('\n');
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^could not download Chrome for Testing \(connect ECONNREFUSED 127\.0\.0\.1:\d+\) — /);
      expect(lines[0]).toContain('apt-get install chromium');
      expect(lines[0]).toContain('BRIEFDECK_BROWSER');
      expect(lines[0]).toContain('CHROME_PATH');

      // --ensure never fails: it falls back to the browser it finds (here the system Chromium).
      const ensure = await runCli(['browser', '--ensure'], { env });
      expect(ensure.code).toBe(0);
      expect(ensure.stdout).toContain(`${SYSTEM_CHROMIUM} (system)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
