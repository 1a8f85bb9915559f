import { copyFile, readdir, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { TemplateError } from '../errors.js';
import { outputError, replaceAtomic } from '../atomic-write.js';
import { kindOf } from '../files.js';
import type { TemplateRegistry } from './template/registry.js';

const ELSEWHERE = 'eject into another folder';

/**
 * Copies a template, with everything it inherits, into `dir` as one
 * self-contained template (no `extends`) to edit freely. Building with the copy
 * gives the same HTML, byte for byte, as building with the original.
 */
export async function ejectTemplate(
  registry: TemplateRegistry,
  name: string,
  dir: string,
  options: { force?: boolean } = {},
): Promise<string[]> {
  const template = await registry.load(name);
  const info = await stat(dir).catch(() => undefined);
  if (info && !info.isDirectory())
    throw new TemplateError(
      `${dir} is ${kindOf(info)}, not a folder`,
      'name a new folder for the template, e.g. my-templates/house',
    );
  const existing = info
    ? await readdir(dir).catch((error: unknown) => Promise.reject(outputError(error, dir, ELSEWHERE)))
    : [];
  if (existing.length > 0 && !options.force) {
    throw new TemplateError(
      `${dir} is not empty`,
      'choose a new folder, or pass --force to overwrite the template files in it',
    );
  }
  const newName = path.basename(path.resolve(dir)).replace(/[^\w.-]+/g, '-');
  const { manifest } = template;
  const written: string[] = [];
  /** Writes one file of the copy atomically; a refusal of the file system is one OutputError naming it (exit 4). */
  const put = async (relative: string, produce: (tmp: string) => Promise<void>) => {
    const file = path.join(dir, relative);
    await replaceAtomic(file, produce, { elsewhere: ELSEWHERE });
    written.push(file);
  };
  const write = (relative: string, data: string | Uint8Array) => put(relative, (tmp) => writeFile(tmp, data));
  const copy = (relative: string, from: string) => put(relative, (tmp) => copyFile(from, tmp));

  const ejected = {
    name: newName,
    description: `Ejected from "${name}". ${manifest.description}`.trim(),
    sizes: manifest.sizes,
    maxItemsPerSlide: manifest.maxItemsPerSlide,
    maxTableRowsPerSlide: manifest.maxTableRowsPerSlide,
    fonts: manifest.fonts,
    options: manifest.options,
    contrast: manifest.contrast,
  };
  await write('template.json', `${JSON.stringify(ejected, null, 2)}\n`);
  await copy('layout.hbs', template.sources.layout);
  for (const [partial, from] of Object.entries(template.sources.partials)) await copy(`partials/${partial}.hbs`, from);
  // The inherited stylesheets, joined exactly as a build joins them.
  await write('theme.css', template.css);
  for (const [relative, from] of template.files) await copy(`assets/${relative}`, from);
  // A default image is a path relative to the template.json that names it: the copy gets it at the same path (the bytes that were checked).
  for (const [key, image] of Object.entries(template.defaultImages))
    await write(String(manifest.options[key]!.default), image.contents);
  return written;
}
