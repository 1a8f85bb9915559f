/**
 * Writing files so that no reader (a browser, a second build, a crash, Ctrl-C) ever sees half of
 * one: every write goes to a hidden temporary file beside its target, then is renamed into place
 * (atomic on one file system) or, for a file that must not replace one already there, hard-linked
 * into place (which fails if the file appeared meanwhile). Temporary files still there when the
 * process exits are removed. A refusal of the file system is one OutputError naming the file, with
 * what to do (outputError). Every writer of briefdeck (decks, PDFs, deck.json, the index page,
 * drafts, new briefings, `init`, ejected templates) writes through here.
 */
import { randomBytes } from 'node:crypto';
import { constants, rmSync } from 'node:fs';
import { copyFile, link, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OutputError } from './errors.js';
import { fileSha256, makeDirectory } from './files.js';

export interface WriteOptions {
  /** The name in messages (default: the file). */
  shown?: string;
  /** How to choose another place, for the hint (default: `choose another folder with --out`). */
  elsewhere?: string;
}

/** Writes `data` to `file` (its folder made if need be), replacing the file atomically. */
export async function writeFileAtomic(file: string, data: string | Uint8Array, options?: WriteOptions): Promise<void> {
  await replaceAtomic(file, (tmp) => writeFile(tmp, data, { flag: 'wx' }), options);
}

/**
 * Copies unless `to` already holds the same bytes. Rebuilds (and serve) skip the ~70 unchanged asset
 * files of a deck this way. Compared by content, not modification time: a copy's mtime is set with
 * millisecond precision while the source's has nanoseconds, so the two never compared equal (issue 18).
 */
export async function copyFileAtomic(from: string, to: string, options?: WriteOptions): Promise<void> {
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
  if (target?.isFile() && target.size === source.size && (await sameBytes(from, to))) return;
  await replaceAtomic(
    to,
    async (tmp) => {
      await copyFile(from, tmp);
      await utimes(tmp, source.atime, source.mtime); // the source's time (to the millisecond), as `cp -p` gives
    },
    options,
  );
}

/** Whether two files of the same size hold the same bytes (false when either cannot be read). */
async function sameBytes(a: string, b: string): Promise<boolean> {
  const [hashA, hashB] = await Promise.all([fileSha256(a), fileSha256(b)]).catch(() => [undefined, 'unreadable']);
  return hashA === hashB;
}

/**
 * Makes `file` from what `produce` writes to the temporary path it is given, replacing `file`
 * atomically; on failure the temporary file is removed and the error is an OutputError.
 */
export async function replaceAtomic(
  file: string,
  produce: (tmp: string) => Promise<void>,
  options?: WriteOptions,
): Promise<void> {
  await throughTemporary(file, options, async (tmp) => {
    await produce(tmp);
    await rename(tmp, file);
  });
}

/**
 * Writes `data` to `file` only if no file is there: false (nothing written) if one is, also one
 * that appears while this one is written. Never replaces anything.
 */
export async function writeNewFile(file: string, data: string | Uint8Array, options?: WriteOptions): Promise<boolean> {
  let created = true;
  await throughTemporary(file, options, async (tmp) => {
    await writeFile(tmp, data, { flag: 'wx' });
    created = await linkNew(tmp, file);
  });
  return created;
}

/** Puts `tmp` at `file` unless something is there (false); `tmp` itself stays, to be removed. */
async function linkNew(tmp: string, file: string): Promise<boolean> {
  try {
    await link(tmp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    // Some file systems have no hard links: an exclusive copy also refuses to overwrite.
    return copyFile(tmp, file, constants.COPYFILE_EXCL).then(
      () => true,
      (copyError: NodeJS.ErrnoException) => (copyError.code === 'EEXIST' ? false : Promise.reject(copyError)),
    );
  }
}

/** Runs `write` with a temporary name beside `file` (its folder made first); the temporary file never outlives it. */
async function throughTemporary(
  file: string,
  options: WriteOptions | undefined,
  write: (tmp: string) => Promise<void>,
): Promise<void> {
  const tmp = temporaryName(file);
  try {
    await makeDirectory(path.dirname(file));
    await write(tmp);
  } catch (error) {
    throw outputError(error, options?.shown ?? file, options?.elsewhere);
  } finally {
    // After a rename it is gone; after a link, or a failure, it is removed (that may fail the same
    // way, e.g. ENOTDIR: the first error is the one to report).
    await rm(tmp, { force: true }).catch(() => undefined);
    inFlight.delete(tmp);
  }
}

/** Temporary files and folders in use now: removed if the process exits (Ctrl-C) before they are renamed or removed. */
const inFlight = new Set<string>();
let cleanupRegistered = false;

/** A hidden name beside `file` for a temporary copy of it, removed at exit if it is still there. */
function temporaryName(file: string): string {
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.once('exit', () => {
      for (const leftover of inFlight) rmSync(leftover, { recursive: true, force: true });
    });
  }
  const tmp = path.join(
    path.dirname(file),
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  inFlight.add(tmp);
  return tmp;
}

/**
 * A temporary folder beside `dir` (hidden, so the index page does not list it) for a deck that is not
 * accepted yet; `remove()` it when done. Removed at exit if the build is interrupted.
 */
export function stagingFolder(dir: string): { dir: string; remove(): Promise<void> } {
  const staging = temporaryName(dir);
  return {
    dir: staging,
    remove: async () => {
      await rm(staging, { recursive: true, force: true });
      inFlight.delete(staging);
    },
  };
}

/** What to do about a write the file system refused; `elsewhere` says how to choose another place. */
function writeHint(code: string | undefined, elsewhere: string): string {
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return `the folder is not writable: ${elsewhere} or fix its permissions`;
    case 'EROFS':
      return `the file system is read-only: ${elsewhere}`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `the disk is full: free some space or ${elsewhere}`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `a file stands where a folder is needed: remove it or ${elsewhere}`;
    case 'ENOENT':
      return `a folder cannot be made there (a special file system such as /proc, or a path that vanished): ${elsewhere}`;
    case 'ELOOP':
      return `a symbolic link on the way loops: fix it or ${elsewhere}`;
    case 'ENAMETOOLONG':
      return `the path is too long: ${elsewhere} with a shorter path`;
    default:
      return `the system refused the write: check the disk and the folder, or ${elsewhere}`;
  }
}

/** A write failure as one line: the file, the system's code, and what to do (never the raw Node message as the hint). */
export function outputError(error: unknown, file: string, elsewhere = 'choose another folder with --out'): OutputError {
  const code = (error as NodeJS.ErrnoException).code;
  return new OutputError(
    `cannot write ${file} (${code ?? (error instanceof Error ? error.message : String(error))})`,
    writeHint(code, elsewhere),
    undefined,
    { cause: error },
  );
}
