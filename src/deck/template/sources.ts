import { existsSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { TemplateError } from '../../errors.js';
import { describeFileError, kindOf, MAX_TEXT_BYTES, readRegularFile } from '../../files.js';

/** A template's text file; a FIFO, a device or an unreadable file is one TemplateError naming it (files.ts). */
export async function readTemplateFile(file: string): Promise<string> {
  return (await readRegularFile(file, { as: TemplateError, noun: 'template file', maxBytes: MAX_TEXT_BYTES })).toString(
    'utf8',
  );
}

const TEMPLATES_HINT = 'check the --templates path or the `templates:` entry in briefdeck.config';

/** --templates names a folder: of templates, or one template. */
export async function checkTemplatesFolder(dir: string): Promise<void> {
  const info = await stat(dir).catch((error: NodeJS.ErrnoException) => error);
  if (info instanceof Error) {
    if (info.code === 'ENOENT') throw new TemplateError(`templates folder ${dir} does not exist`, TEMPLATES_HINT);
    const { what, hint } = describeFileError(info, 'templates folder');
    throw new TemplateError(`templates folder ${dir} ${what}`, hint, undefined, { cause: info });
  }
  if (!info.isDirectory())
    throw new TemplateError(
      `templates folder ${dir} is ${kindOf(info)}, not a folder`,
      `${TEMPLATES_HINT}: it names the folder that holds your templates (or one template folder)`,
    );
}

export async function listFolder(dir: string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const { what, hint } = describeFileError(error, 'templates folder');
    throw new TemplateError(
      `templates folder ${dir} ${what.replace('cannot be read', 'cannot be listed')}`,
      hint,
      undefined,
      { cause: error },
    );
  }
}

/** partials/<name>.hbs from every template in the chain; the nearest one wins. */
export async function resolvePartials(dirsChildFirst: string[]): Promise<Record<string, string>> {
  const partials: Record<string, string> = {};
  for (const dir of [...dirsChildFirst].reverse()) {
    const partialDir = path.join(dir, 'partials');
    if (!existsSync(partialDir)) continue;
    for (const entry of (await readdir(partialDir)).sort()) {
      if (entry.endsWith('.hbs')) partials[entry.slice(0, -4)] = path.join(partialDir, entry);
    }
  }
  return partials;
}

/** Ancestors' CSS first, so a child's theme.css holds only what it changes and wins the cascade. */
export async function joinStylesheets(dirsChildFirst: string[]): Promise<string> {
  const parts: string[] = [];
  for (const dir of [...dirsChildFirst].reverse()) {
    const file = path.join(dir, 'theme.css');
    if (existsSync(file)) parts.push(await readTemplateFile(file));
  }
  return parts.join('\n');
}

export async function collectFiles(dirsChildFirst: string[]): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const dir of [...dirsChildFirst].reverse()) {
    const assets = path.join(dir, 'assets');
    if (!existsSync(assets)) continue;
    for (const entry of await readdir(assets, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile()) continue;
      const full = path.join(entry.parentPath, entry.name);
      files.set(path.relative(assets, full).split(path.sep).join('/'), full);
    }
  }
  return files;
}
