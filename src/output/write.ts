import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { copyFile, mkdir, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from '../errors.js';
import type { Asset } from './assets.js';

/**
 * Writes through a temporary file in the same folder and renames it into place,
 * so a reader (a browser, a second build, a crash) never sees a half-written file.
 */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await replaceAtomic(file, (tmp) => writeFile(tmp, data));
}

/**
 * Copies unless `to` is already this copy: same size and modification time,
 * which a copy made here is given. Rebuilds (and serve) skip the ~70 unchanged
 * asset files of a deck this way.
 */
export async function copyFileAtomic(from: string, to: string): Promise<void> {
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
  if (target && target.size === source.size && target.mtimeMs === source.mtimeMs) return;
  await replaceAtomic(to, async (tmp) => {
    await copyFile(from, tmp);
    await utimes(tmp, source.atime, source.mtime);
  });
}

/** Temporary files being written now: removed if the process exits (Ctrl-C) before they are renamed. */
const inFlight = new Set<string>();
let cleanupRegistered = false;

async function replaceAtomic(file: string, produce: (tmp: string) => Promise<void>): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', () => inFlight.forEach((leftover) => rmSync(leftover, { force: true })));
  }
  inFlight.add(tmp);
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await produce(tmp);
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined); // may fail the same way (e.g. ENOTDIR): the first error is the one to report
    throw outputError(error, file);
  } finally {
    inFlight.delete(tmp);
  }
}

/** Writes a deck folder: assets first (all at once), index.html last, so the HTML never points at missing files. */
export async function writeDeck(deckDir: string, html: string, assets: Asset[]): Promise<string> {
  await Promise.all(
    assets.map((asset) => {
      const to = path.join(deckDir, asset.to);
      return 'contents' in asset ? writeFileAtomic(to, asset.contents) : copyFileAtomic(asset.from, to);
    }),
  );
  const index = path.join(deckDir, 'index.html');
  await writeFileAtomic(index, html);
  return index;
}

function outputError(error: unknown, file: string): OutputError {
  const code = (error as NodeJS.ErrnoException).code;
  const hints: Record<string, string> = {
    EACCES: 'the folder is not writable: choose another with --out or fix its permissions',
    EPERM: 'the folder is not writable: choose another with --out or fix its permissions',
    EROFS: 'the file system is read-only: choose another folder with --out',
    ENOSPC: 'the disk is full: free some space or choose another folder with --out',
    ENOTDIR: 'a file stands where a folder is needed: remove it or choose another --out',
  };
  return new OutputError(`cannot write ${file} (${code ?? 'error'})`, hints[code ?? ''] ?? String(error), undefined, { cause: error });
}
