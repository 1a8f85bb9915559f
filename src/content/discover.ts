import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { BriefdeckError } from '../errors.js';

/** Every `.md` file under the given files and folders, sorted, without duplicates. */
export async function findContentFiles(paths: string[]): Promise<string[]> {
  const found = new Set<string>();
  for (const given of paths) {
    const info = await stat(given).catch(() => undefined);
    if (!info) throw new BriefdeckError(`${given} does not exist`, 'give a content file or a folder of .md files');
    if (info.isDirectory()) {
      const files = await walk(given);
      if (files.length === 0) throw new BriefdeckError(`no .md files in ${given}`, 'content files end in .md');
      files.forEach((file) => found.add(file));
    } else {
      found.add(given);
    }
  }
  return [...found].sort();
}

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries) {
    // Hidden folders, node_modules and README files are not briefings.
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...(await walk(full)));
    else if (entry.isFile() && entry.name.endsWith('.md') && !/^readme\.md$/i.test(entry.name)) files.push(full);
  }
  return files;
}
