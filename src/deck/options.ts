import { statSync } from 'node:fs';
import path from 'node:path';
import { MEDIA_FOLDER } from '../content/media.js';
import { TemplateError } from '../errors.js';
import type { Template, TemplateOption } from './template.js';

/** A file the deck needs, copied from `from` to `to` (relative to the deck folder). */
export interface FileCopy {
  to: string;
  from: string;
}

/** Option values from one place (the project config, a briefing's front matter). */
export interface OptionLayer {
  values: Record<string, unknown>;
  /** File the values were written in, for errors and for resolving image paths. */
  file: string;
  lineOf(key: string): number | undefined;
}

export interface ResolvedOptions {
  values: Record<string, unknown>;
  /** Images named by image options, to copy into the deck. */
  media: FileCopy[];
}

const IMAGE_TYPES = ['.png', '.jpg', '.jpeg', '.gif', '.svg', '.webp', '.avif'];

/**
 * Template defaults, then each layer in order (config, then front matter).
 * Every value is checked against the template's manifest: an unknown option or
 * a value of the wrong type is an error naming the option and what is allowed.
 */
export function resolveOptions(template: Template, layers: OptionLayer[]): ResolvedOptions {
  const declared = template.manifest.options;
  const values: Record<string, unknown> = {};
  const media = new Map<string, FileCopy>();
  for (const [key, option] of Object.entries(declared)) if ('default' in option && option.default !== undefined) values[key] = option.default;
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.values)) {
      const where = { file: layer.file, line: layer.lineOf(key) };
      const option = declared[key];
      if (!option) {
        const names = Object.keys(declared);
        throw new TemplateError(`unknown option "${key}" for template "${template.name}"`, names.length ? `allowed options: ${names.join(', ')}` : 'this template has no options', where);
      }
      if (!valueFits(option, value)) throw new TemplateError(`option "${key}" must be ${describe(option)}`, `got ${JSON.stringify(value)}`, where);
      if (option.type === 'image') {
        const copy = imageCopy(key, value as string, where);
        media.set(key, copy);
        values[key] = copy.to;
      } else {
        values[key] = value;
      }
    }
  }
  return { values, media: [...media.values()] };
}

function imageCopy(key: string, value: string, where: { file: string; line?: number }): FileCopy {
  const folder = path.resolve(path.dirname(where.file));
  const from = path.resolve(folder, value);
  // Content may only name files in its own folder: no ../../ paths to elsewhere on the machine.
  if (!from.startsWith(folder + path.sep)) {
    throw new TemplateError(`option "${key}": ${value} is outside the folder of ${where.file}`, 'put the image next to the file (or in a folder below it)', where);
  }
  const ext = path.extname(from).toLowerCase();
  if (!IMAGE_TYPES.includes(ext)) throw new TemplateError(`option "${key}": ${value} is not an image`, `use one of ${IMAGE_TYPES.join(' ')}`, where);
  const info = statSync(from, { throwIfNoEntry: false });
  if (!info?.isFile()) throw new TemplateError(`option "${key}": image ${value} not found`, `the path is relative to ${where.file}`, where);
  return { from, to: `${MEDIA_FOLDER}/${key}${ext}` };
}

function valueFits(option: TemplateOption, value: unknown): boolean {
  switch (option.type) {
    case 'color':
      return typeof value === 'string' && /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value);
    case 'string':
    case 'image':
      return typeof value === 'string';
    case 'enum':
      return typeof value === 'string' && option.values.includes(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

export function describe(option: TemplateOption): string {
  switch (option.type) {
    case 'color':
      return 'a hex colour like #1f4e79';
    case 'enum':
      return `one of ${option.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'image':
      return 'a path to an image file';
    default:
      return `a ${option.type}`;
  }
}
