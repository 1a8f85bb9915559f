import { stat } from 'node:fs/promises';
import path from 'node:path';
import { outputError, writeFileAtomic, writeNewFile } from '../atomic-write.js';
import { type BriefdeckErrorClass, OutputError } from '../errors.js';
import { kindOf, makeDirectory } from '../files.js';

/**
 * Writes a new content file (a draft, a new briefing) atomically (atomic-write.ts). Without `force`
 * nothing is overwritten, also not a file that appears meanwhile. A file that is there is refused
 * as an `as` (the caller's stage).
 */
export async function writeOnce(
  target: string,
  text: string,
  shown: string,
  { force, as }: { force: boolean; as: BriefdeckErrorClass },
): Promise<void> {
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
  if (force) return writeFileAtomic(target, text, { shown, elsewhere });
  if (!(await writeNewFile(target, text, { shown, elsewhere })))
    throw new as('already exists', 'pass --force to overwrite it, or choose another file with -o <file>', {
      file: shown,
    });
}
