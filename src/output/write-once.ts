import { constants } from 'node:fs';
import { copyFile, link, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BriefdeckError, type BriefdeckErrorClass, OutputError } from '../errors.js';
import { kindOf, makeDirectory } from '../files.js';
import { outputError } from './write-deck.js';

/**
 * Writes a new file (a draft, a new briefing) through a temporary file so a failure never leaves
 * half a file. Without `force` the final step is a hard link, which fails if the file appeared
 * meanwhile: nothing is overwritten. A file that is there is refused as an `as` (the caller's stage).
 */
export async function writeOnce(
  target: string,
  text: string,
  shown: string,
  { force, as }: { force: boolean; as: BriefdeckErrorClass },
): Promise<void> {
  const exists = () =>
    new as('already exists', 'pass --force to overwrite it, or choose another file with -o <file>', {
      file: shown,
    });
  const elsewhere = 'choose another file with -o <file>';
  const info = await stat(target).catch(() => undefined);
  // Renaming onto /dev/null (as root) or a FIFO would replace it: only a regular file is overwritten.
  if (info && !info.isFile())
    throw new OutputError(`is ${kindOf(info)}, not a content file`, elsewhere, { file: shown });
  try {
    await makeDirectory(path.dirname(target));
  } catch (error) {
    throw outputError(error, path.dirname(shown), elsewhere);
  }
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(temp, text, { flag: 'wx' });
    if (force) {
      await rename(temp, target);
      return;
    }
    try {
      await link(temp, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw exists();
      // Some file systems have no hard links: an exclusive copy also refuses to overwrite.
      await copyFile(temp, target, constants.COPYFILE_EXCL).catch((copyError: NodeJS.ErrnoException) => {
        throw copyError.code === 'EEXIST' ? exists() : copyError;
      });
    }
  } catch (error) {
    if (error instanceof BriefdeckError) throw error;
    throw outputError(error, shown, elsewhere);
  } finally {
    await unlink(temp).catch(() => undefined);
  }
}
