import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Dirent, Stats } from 'node:fs';
import path from 'node:path';
import { ContentError } from '../errors.js';
import { describeFileError, kindOf } from '../files.js';
import type { Warning } from './model.js';

/** Content files end in .md or .markdown, in any case (Upper.MD). */
const CONTENT_FILE = /\.(md|markdown)$/i;

export interface ContentDiscovery {
  /** Content files, sorted, each real file once (two names of one file are one briefing). */
  files: string[];
  /** Entries of the folders that were not taken, one line each, saying why. */
  skipped: Warning[];
  /** Sub-folders that could not be read: reported like a file with an error; the other files are still built. */
  errors: ContentError[];
}

/**
 * Every content file under the given files and folders. A folder gives the
 * same files as naming them one by one would: `.md` and `.markdown` in any
 * case, symlinks to files followed; what is passed over (a dangling link, a
 * link to a folder, a FIFO named .md) is said, once per entry. Hidden entries,
 * node_modules, README files and the deck folders of an output folder inside it (a folder with a
 * deck.json: its .md files are speaker scripts) are not briefings and are passed over quietly.
 * A path given that does not exist (or cannot be read) is an error for the whole build.
 */
export async function discoverContent(paths: string[]): Promise<ContentDiscovery> {
  const found = new Map<string, string>(); // real path → path as found
  const result: ContentDiscovery = { files: [], skipped: [], errors: [] };
  const add = async (file: string) => {
    const real = await realpath(file).catch(() => path.resolve(file));
    if (!found.has(real)) found.set(real, file);
  };
  for (const given of paths) {
    if (!given) throw new ContentError('an empty path was given', 'give a content file or a folder of .md files');
    let info: Stats;
    try {
      info = await stat(given);
    } catch (error) {
      throw await missing(given, error);
    }
    if (info.isDirectory()) {
      const before = found.size;
      await walk(given, result, add);
      if (found.size === before && result.errors.length === 0)
        throw new ContentError(`no .md files in ${given}`, 'content files end in .md');
    } else {
      // A named FIFO or device is refused when read (files.ts), with the same words as here.
      await add(given);
    }
  }
  result.files = [...found.values()].sort();
  return result;
}

/** The content files only (the library's findContentFiles); skipped entries and unreadable folders are left out. */
export async function findContentFiles(paths: string[]): Promise<string[]> {
  return (await discoverContent(paths)).files;
}

/** A given path that cannot be used: a dangling or looping link is named as one, not as "does not exist". */
async function missing(given: string, error: unknown): Promise<ContentError> {
  const code = (error as NodeJS.ErrnoException).code;
  const link = code === 'ENOENT' ? await lstat(given).catch(() => undefined) : undefined;
  if (link?.isSymbolicLink())
    return new ContentError(
      `${given} is a symbolic link to something that does not exist`,
      'fix the link, or give the content file itself',
    );
  const { what, hint } = describeFileError(error, 'content file');
  return new ContentError(
    `${given} ${what}`,
    code === 'ENOENT' ? 'give a content file or a folder of .md files' : hint,
    undefined,
    { cause: error },
  );
}

async function walk(
  dir: string,
  result: ContentDiscovery,
  add: (file: string) => Promise<void>,
  nested = false,
): Promise<void> {
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const { what, hint } = describeFileError(error, 'folder');
    result.errors.push(
      new ContentError(
        `the folder ${what.replace('cannot be read', 'cannot be listed')}`,
        `${hint}; its briefings were not built`,
        { file: dir },
        { cause: error },
      ),
    );
    return;
  }
  // `briefdeck build . --script` writes <slug>/<slug>-script.md beside deck.json: built again as a briefing, it would fail.
  if (nested && entries.some((entry) => entry.name === 'deck.json' && entry.isFile())) return;
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    // Hidden folders, node_modules and README files are not briefings.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    const isContentName = CONTENT_FILE.test(entry.name) && !/^readme\.(md|markdown)$/i.test(entry.name);
    if (entry.isDirectory()) {
      await walk(full, result, add, true);
    } else if (entry.isSymbolicLink()) {
      const target = await stat(full).catch((error: NodeJS.ErrnoException) => error);
      if (target instanceof Error) {
        if (isContentName)
          result.skipped.push({
            file: full,
            message: `skipped: ${target.code === 'ELOOP' ? 'a symbolic link loop' : 'a symbolic link to something that does not exist'}`,
          });
      } else if (target.isDirectory()) {
        // Links to folders are not followed: they can lead back up the tree.
        result.skipped.push({
          file: full,
          message:
            'skipped: a symbolic link to a folder (links to folders are not followed; name the folder to build it)',
        });
      } else if (isContentName) {
        if (target.isFile()) await add(full);
        else result.skipped.push({ file: full, message: `skipped: a symbolic link to ${kindOf(target)}, not a file` });
      }
    } else if (isContentName) {
      if (entry.isFile()) await add(full);
      else result.skipped.push({ file: full, message: `skipped: ${kindOf(entry)}, not a file` });
    }
  }
}
