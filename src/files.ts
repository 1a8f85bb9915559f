/**
 * Reading input files and making folders without the ways the file system can
 * hang or crash a build: a named pipe (FIFO) blocks open() until someone writes
 * to it, and a worker thread stuck there also stops process.exit() (libuv joins
 * its threads on exit), so even Ctrl-C could not end the process; /dev/zero
 * never ends; Node's recursive mkdir spins forever where mkdir answers ENOENT
 * under a folder that exists (/proc/x). Errors come out as BriefdeckErrors with
 * a human hint that keeps the system's code.
 */
import { constants, fstatSync, openSync, closeSync, readSync, realpathSync, type Stats } from 'node:fs';
import { createHash } from 'node:crypto';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { BriefdeckError, Location } from './errors.js';

/** Any of the error classes of errors.ts: they share BriefdeckError's constructor. */
export type ErrorClass = new (
  what: string,
  hint: string,
  location?: Location,
  options?: { cause?: unknown },
) => BriefdeckError;

export interface ReadOptions {
  /** The error class to throw (ContentError for content, TemplateError for templates …). */
  as: ErrorClass;
  /** What the file is, for the hint: "content file", "template file", "image". */
  noun: string;
  /** Refuse files larger than this. */
  maxBytes: number;
  /** The name in messages (default: `file`). */
  shown?: string;
  /** The words for a file that does not exist (default: "does not exist — check the path"). */
  whenMissing?: { what: string; hint: string };
  /** The error for a file over maxBytes, given its size (or the bytes read so far); default: a line saying so. */
  tooLarge?: (bytes: number) => BriefdeckError;
}

/** 20 MB: far above any briefing, config or template file (the largest bad-input case is 5 MB), far below memory trouble. */
export const MAX_TEXT_BYTES = 20 * 1024 * 1024;

/**
 * O_NONBLOCK makes open() return at once for a FIFO (a regular file ignores
 * the flag; O_NOCTTY keeps a terminal device from becoming ours); the type is then checked on the open descriptor itself, so a file
 * swapped for a pipe after a stat() cannot slip through.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** Reads a regular file of at most `maxBytes`; anything else is one clear error. */
export async function readRegularFile(file: string, options: ReadOptions): Promise<Buffer> {
  const shown = options.shown ?? file;
  const handle = await open(file, OPEN_FLAGS).catch((error: unknown) => {
    throw fileError(error, shown, options);
  });
  try {
    checkRegular(await handle.stat(), shown, options);
    const into = new BoundedChunks(shown, options);
    for (;;) {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      if (!into.take(buffer, (await handle.read({ buffer })).bytesRead)) return into.bytes();
    }
  } catch (error) {
    throw fileError(error, shown, options);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** readRegularFile for synchronous callers (images are resolved while markdown renders). */
export function readRegularFileSync(file: string, options: ReadOptions): Buffer {
  const shown = options.shown ?? file;
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw fileError(error, shown, options);
  }
  try {
    checkRegular(fstatSync(fd), shown, options);
    const into = new BoundedChunks(shown, options);
    for (;;) {
      const buffer = Buffer.alloc(CHUNK_BYTES);
      if (!into.take(buffer, readSync(fd, buffer))) return into.bytes();
    }
  } catch (error) {
    throw fileError(error, shown, options);
  } finally {
    closeSync(fd);
  }
}

/** As Node's readFile reads. */
const CHUNK_BYTES = 512 * 1024;

/**
 * The chunks of one read-through, up to maxBytes. Read until the end, not to
 * the size stat() gave: /proc files say 0, and a file may grow while it is read.
 */
class BoundedChunks {
  private readonly chunks: Buffer[] = [];
  private total = 0;

  constructor(
    private readonly shown: string,
    private readonly options: ReadOptions,
  ) {}

  /** Takes what one read() put in `buffer`; false at the end of the file. */
  take(buffer: Buffer, bytesRead: number): boolean {
    if (bytesRead === 0) return false;
    this.total += bytesRead;
    if (this.total > this.options.maxBytes) throw tooLarge(this.total, this.shown, this.options);
    this.chunks.push(buffer.subarray(0, bytesRead));
    return true;
  }

  bytes(): Buffer {
    return Buffer.concat(this.chunks, this.total);
  }
}

/** "a named pipe (FIFO)", "a folder" …: what a path is (from its Stats or Dirent) when it is not a regular file. */
export function kindOf(
  info: Pick<Stats, 'isDirectory' | 'isFIFO' | 'isSocket' | 'isCharacterDevice' | 'isBlockDevice' | 'isSymbolicLink'>,
): string {
  if (info.isDirectory()) return 'a folder';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isSocket()) return 'a socket';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSymbolicLink()) return 'a symbolic link';
  return 'a regular file';
}

function checkRegular(info: Stats, shown: string, options: ReadOptions): void {
  if (info.isFile()) {
    if (info.size > options.maxBytes) throw tooLarge(info.size, shown, options);
    return;
  }
  throw new options.as(
    `is ${kindOf(info)}, not a file`,
    `give the ${options.noun} itself (briefdeck reads only regular files)`,
    { file: shown },
  );
}

function tooLarge(bytes: number, shown: string, options: ReadOptions): BriefdeckError {
  if (options.tooLarge) return options.tooLarge(bytes);
  return new options.as(
    `is larger than ${Math.round(options.maxBytes / 1024 / 1024)} MB`,
    `a ${options.noun} this large is not what briefdeck expects: check that this is the right file`,
    { file: shown },
  );
}

/** A file system error as one line about `shown`: what happened in words, the system's code in brackets. */
function fileError(error: unknown, shown: string, options: ReadOptions): BriefdeckError {
  if (error instanceof options.as) return error;
  const missing = (error as NodeJS.ErrnoException).code === 'ENOENT' ? options.whenMissing : undefined;
  const { what, hint } = missing ?? describeFileError(error, options.noun);
  return new options.as(what, hint, { file: shown }, { cause: error });
}

/** The words for a file system error code; unknown codes keep the code and say what to check. */
export function describeFileError(error: unknown, noun = 'file'): { what: string; hint: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { what: 'does not exist', hint: 'check the path' };
    case 'EACCES':
    case 'EPERM':
      return {
        what: `cannot be read: permission denied (${code})`,
        hint: `give yourself read access to the ${noun} (chmod/chown), or run briefdeck as a user who has it`,
      };
    case 'ELOOP':
      return {
        what: 'is a symbolic link loop (ELOOP)',
        hint: 'the link leads back to itself: point it at the real file',
      };
    case 'EISDIR':
      return { what: 'is a folder, not a file', hint: `give the ${noun} itself` };
    case 'ENOTDIR':
      return {
        what: 'cannot be reached: a part of its path is a file, not a folder (ENOTDIR)',
        hint: 'check the path',
      };
    case 'ENXIO':
      return {
        what: 'is a socket or device that cannot be read (ENXIO)',
        hint: `give the ${noun} itself (briefdeck reads only regular files)`,
      };
    case 'ENAMETOOLONG':
      return { what: 'has a name that is too long (ENAMETOOLONG)', hint: 'shorten the path' };
    case 'EMFILE':
    case 'ENFILE':
      return {
        what: `cannot be opened: too many open files (${code})`,
        hint: 'raise the limit (ulimit -n) or build fewer files at once',
      };
    default:
      return {
        what: `cannot be read (${code ?? (error instanceof Error ? error.message : String(error))})`,
        hint: `check the ${noun} and the disk it is on`,
      };
  }
}

/**
 * mkdir -p that always ends: Node's `mkdir(dir, { recursive: true })` loops
 * forever when mkdir answers ENOENT under a parent that exists (procfs:
 * `--out /proc/x`). Here each level is made once, and the first refusal is thrown.
 */
export async function makeDirectory(dir: string): Promise<void> {
  try {
    await mkdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return expectDirectory(dir, error);
    const parent = path.dirname(dir);
    if (code !== 'ENOENT' || parent === dir) throw error;
    await makeDirectory(parent);
    await mkdir(dir).catch((again: NodeJS.ErrnoException) =>
      again.code === 'EEXIST' ? expectDirectory(dir, again) : Promise.reject(again),
    );
  }
}

async function expectDirectory(dir: string, error: unknown): Promise<void> {
  const info = await stat(dir).catch(() => undefined);
  if (info?.isDirectory()) return;
  throw Object.assign(new Error(`ENOTDIR: not a directory, mkdir '${dir}'`), {
    code: 'ENOTDIR',
    path: dir,
    cause: error,
  });
}

/**
 * Containment, the one rule for "is this path inside that folder" (content images and links,
 * the output folder, serve, the watcher):
 *
 * isInside: `folder` itself and anything below it, the paths compared as written, resolved against
 * the working folder (`..` resolved first; `/a/bc` is not inside `/a/b`). Enough for paths that name
 * no file yet on their own, or that another program reported as they are (the watcher's).
 */
export function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

/**
 * isReallyInside: isInside as written and also after every symbolic link is followed, so a link
 * inside `folder` that leads out of it is outside. For anything read or served from disk.
 */
export function isReallyInside(folder: string, file: string): boolean {
  return isInside(folder, file) && isInside(realPath(folder), realPath(file));
}

/**
 * The absolute path with every symbolic link on it followed, as far as it exists; the part not made
 * yet is appended as written (so `out/new` under a link `out` is resolved through the link).
 */
export function realPath(file: string): string {
  const absolute = path.resolve(file);
  try {
    return realpathSync(absolute);
  } catch (error) {
    const parent = path.dirname(absolute);
    const code = (error as NodeJS.ErrnoException).code;
    if (parent === absolute || (code !== 'ENOENT' && code !== 'ENOTDIR')) return absolute; // a loop, or no access: as written
    return path.join(realPath(parent), path.basename(absolute));
  }
}

/** The SHA-256 of a file's bytes (hex): how a rebuild tells a file it would write from the one already there. */
export async function fileSha256(file: string): Promise<string> {
  return sha256(await readFile(file));
}

/** The SHA-256 of text or bytes (hex). */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}
