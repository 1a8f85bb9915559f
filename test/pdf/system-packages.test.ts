import { chmod, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { canAptGet, missingPackages, onPath } from '../../src/pdf/system-packages.js';
import { tempDir } from '../helpers.js';

describe('system packages (browser --ensure and the test tools)', () => {
  let dir: string;
  const savedPath = process.env.PATH;

  beforeAll(async () => {
    dir = await tempDir();
    await mkdir(path.join(dir, 'a'));
    await mkdir(path.join(dir, 'b'));
    for (const [folder, name] of [
      ['a', 'qpdf'],
      ['b', 'pdftotext'],
    ] as const) {
      await writeFile(path.join(dir, folder, name), '#!/bin/sh\n');
      await chmod(path.join(dir, folder, name), 0o755);
    }
  });

  afterEach(() => {
    process.env.PATH = savedPath;
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('finds commands in any PATH folder, and names the Debian package of each missing one once', () => {
    process.env.PATH = [path.join(dir, 'a'), path.join(dir, 'b')].join(path.delimiter);
    expect(onPath('qpdf')).toBe(true);
    expect(onPath('pdftotext')).toBe(true);
    expect(onPath('chromium')).toBe(false);
    expect(
      missingPackages({
        chromium: 'chromium',
        pdftotext: 'poppler-utils',
        pdfinfo: 'poppler-utils',
        qpdf: 'qpdf',
        pgrep: 'procps',
      }),
    ).toEqual(['chromium', 'poppler-utils', 'procps']);
  });

  it('never runs apt-get without apt-get on PATH', () => {
    process.env.PATH = path.join(dir, 'a');
    expect(canAptGet()).toBe(false);
  });
});
