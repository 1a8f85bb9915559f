import path from 'node:path';
import { checkImage, MEDIA_FOLDER } from '../content/media.js';
import type { MediaFile } from '../content/model.js';
import { TemplateError, type Location } from '../errors.js';
import type { Template } from './template/registry.js';
import type { TemplateOption } from './template/manifest.js';

/** Option values from one place (the project config, a briefing's front matter). */
export interface OptionLayer {
  values: Record<string, unknown>;
  /** File the values were written in, for errors and for resolving image paths. */
  file: string;
  lineOf(key: string): number | undefined;
}

export interface ResolvedOptions {
  values: Record<string, unknown>;
  /** Images named by image options: the checked bytes, to write into the deck. */
  media: MediaFile[];
}

/**
 * Template defaults, then each layer in order (config, then front matter).
 * Every value is checked against the template's manifest: an unknown option or
 * a value of the wrong type is an error naming the option and what is allowed.
 */
export function resolveOptions(template: Template, layers: OptionLayer[]): ResolvedOptions {
  const declared = template.manifest.options;
  const values: Record<string, unknown> = {};
  const media = new Map<string, MediaFile>();
  const setImage = (key: string, image: MediaFile) => {
    media.set(key, image);
    values[key] = image.to;
  };
  for (const [key, option] of Object.entries(declared)) if (option.default !== undefined) values[key] = option.default;
  // A template's default images were checked when it loaded (deck/template.ts).
  for (const [key, image] of Object.entries(template.defaultImages)) setImage(key, image);
  for (const layer of layers) {
    for (const [key, value] of Object.entries(layer.values)) {
      const where = { file: layer.file, line: layer.lineOf(key) };
      const option = declared[key];
      if (!option) {
        const names = Object.keys(declared);
        throw new TemplateError(
          `unknown option "${key}" for template "${template.name}"`,
          names.length ? `allowed options: ${names.join(', ')}` : 'this template has no options',
          where,
        );
      }
      if (!valueFits(option, value))
        throw new TemplateError(`option "${key}" must be ${describe(option)}`, `got ${JSON.stringify(value)}`, where);
      if (option.type === 'image') setImage(key, imageOption(key, value as string, where));
      else values[key] = value;
    }
  }
  return { values, media: [...media.values()] };
}

/** An image option's file, through the same checks as content images (content/media.ts), copied as `assets/media/<option>.<ext>`. */
export function imageOption(key: string, value: string, where: Location): MediaFile {
  const source = {
    file: where.file,
    folder: path.resolve(path.dirname(where.file)),
    usage: `${key}: images/${key}.png`,
  };
  const image = checkImage(value, source, (what, hint) => {
    throw new TemplateError(`option "${key}": ${what}`, hint, where);
  });
  return { from: image.from, to: `${MEDIA_FOLDER}/${key}${image.extension}`, contents: image.contents };
}

/** Whether `value` is what `option` declares (the checks of an image's file come later, in imageOption). */
export function valueFits(option: TemplateOption, value: unknown): boolean {
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
