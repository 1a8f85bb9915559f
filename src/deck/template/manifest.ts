import * as v from 'valibot';
import type { MediaFile } from '../../content/model.js';
import { jsonLines } from '../../content/yaml.js';
import {
  isUnknownKey,
  issueMessage,
  issuePath,
  objectInput,
  recordInput,
  strictObject as object,
} from '../../validation.js';
import { TemplateError, type Location } from '../../errors.js';
import { contrastPairSchema, type ContrastPair } from '../contrast.js';
import { describe, imageOption, valueFits } from '../options.js';
import { readTemplateFile } from './files.js';

const optionalString = v.optional(v.string());
const finiteNumber = v.pipe(v.number(), v.finite());
const int = v.pipe(finiteNumber, v.integer());

const OPTION_TYPES = ['string', 'color', 'number', 'boolean', 'enum', 'image'];
const optionSchema = v.pipe(
  objectInput(),
  v.variant(
    'type',
    [
      object({ type: v.literal('string'), default: optionalString, description: optionalString }),
      object({ type: v.literal('color'), default: optionalString, description: optionalString }),
      object({ type: v.literal('number'), default: v.optional(finiteNumber), description: optionalString }),
      object({ type: v.literal('boolean'), default: v.optional(v.boolean()), description: optionalString }),
      object({
        type: v.literal('enum'),
        values: v.pipe(v.array(v.string()), v.minLength(1)),
        default: optionalString,
        description: optionalString,
      }),
      // An image is a path relative to the file that sets it: for a default, this template.json (and inside its folder).
      object({ type: v.literal('image'), default: optionalString, description: optionalString }),
    ],
    `Invalid discriminator value. Expected ${OPTION_TYPES.map((type) => `'${type}'`).join(' | ')}`,
  ),
);

/**
 * A font package is resolved with require.resolve and named in `npm install …`
 * hints, so it must be an npm package name (npm's rules: lower case, URL-safe,
 * an optional @scope/, at most 214 characters), never a path such as ../../etc.
 */
const npmPackageName = v.pipe(
  v.string(),
  v.maxLength(214, 'must be an npm package name (at most 214 characters)'),
  v.regex(
    /^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/,
    'must be an npm package name such as @fontsource/source-sans-3, not a path',
  ),
);

const sizeSchema = v.pipe(
  objectInput(),
  object({ width: v.pipe(int, v.gtValue(0)), height: v.pipe(int, v.gtValue(0)) }),
);

/** template.json as written: everything optional, so a template that `extends` another states only what it changes. */
const manifestSchema = v.partial(
  v.strictObject({
    name: v.pipe(v.string(), v.regex(/^[\w.-]+$/, 'use letters, digits, dots, dashes and underscores')),
    description: v.string(),
    extends: v.string(),
    sizes: v.pipe(recordInput(), v.record(v.string(), sizeSchema)),
    maxItemsPerSlide: v.pipe(int, v.gtValue(0)),
    fonts: v.array(
      v.pipe(
        objectInput(),
        object({ package: npmPackageName, weights: v.array(int), italic: v.optional(v.array(int), []) }),
      ),
    ),
    options: v.pipe(recordInput(), v.record(v.string(), optionSchema)),
    contrast: v.array(contrastPairSchema),
  }),
);

export type TemplateOption = v.InferOutput<typeof optionSchema>;
export type RawManifest = v.InferOutput<typeof manifestSchema>;

/** The manifest after `extends` is applied: parent first, then what the child changes. */
export interface TemplateManifest {
  name: string;
  description: string;
  /** Slide sizes by name (e.g. "16:9"); the first is the default, the `size` option picks another. */
  sizes: Record<string, { width: number; height: number }>;
  maxItemsPerSlide: number;
  fonts: Array<{ package: string; weights: number[]; italic: number[] }>;
  options: Record<string, TemplateOption>;
  /** Which colour is drawn on which, for the WCAG contrast check (contrast.ts); a child's list replaces its parent's. */
  contrast: ContrastPair[];
}

/** A template.json, read and checked, with the lines of its keys for later messages. */
export interface ManifestFile {
  file: string;
  manifest: RawManifest;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

export async function readManifest(file: string): Promise<ManifestFile> {
  const text = await readTemplateFile(file);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TemplateError(
      'template.json is not valid JSON',
      error instanceof Error ? error.message : String(error),
      { file },
      { cause: error },
    );
  }
  const lineOf = jsonLines(text);
  const result = v.safeParse(v.pipe(objectInput(), manifestSchema), json, { message: issueMessage });
  if (!result.success) {
    const issue = result.issues[0];
    let path = issuePath(issue);
    let message = issue.message;
    if (isUnknownKey(issue)) {
      // Valibot reports only the first unknown key: at the top level, name them all, at the object that has them.
      path = path.slice(0, -1);
      const unknown = path.length
        ? [issuePath(issue).at(-1)]
        : Object.keys(json as object).filter((key) => !Object.hasOwn(manifestSchema.entries, key));
      message = `Unrecognized key${unknown.length > 1 ? 's' : ''}: ${unknown.map((key) => `"${key}"`).join(', ')}`;
    }
    const where = { file, line: lineOf(isUnknownKey(issue) ? issuePath(issue) : path) };
    throw new TemplateError(
      `template.json: "${path.join('.') || '(top level)'}" ${message.charAt(0).toLowerCase()}${message.slice(1)}`,
      'see templates/README.md for the manifest fields',
      where,
    );
  }
  // The schema knows each default's JSON type; a colour's form and an enum's values are checked as a briefing's values are.
  for (const [key, option] of Object.entries(result.output.options ?? {})) {
    if (option.default !== undefined && !valueFits(option, option.default)) {
      throw new TemplateError(
        `template.json: the default of option "${key}" must be ${describe(option)}`,
        `got ${JSON.stringify(option.default)}`,
        {
          file,
          line: lineOf(['options', key, 'default']),
        },
      );
    }
  }
  return { file, manifest: result.output, lineOf };
}

const DEFAULT_SIZES = { '16:9': { width: 1280, height: 720 } };

/** The chain's manifests as one, and where each option's default was written (the template.json that declares the option). */
export function mergeManifests(
  name: string,
  rootFirst: ManifestFile[],
): { manifest: TemplateManifest; defaults: Record<string, Location> } {
  const merged: TemplateManifest = {
    name,
    description: '',
    sizes: DEFAULT_SIZES,
    maxItemsPerSlide: 5,
    fonts: [],
    options: {},
    contrast: [],
  };
  const defaults: Record<string, Location> = {};
  for (const { manifest: m, file, lineOf } of rootFirst) {
    if (m.description !== undefined) merged.description = m.description;
    if (m.sizes) merged.sizes = m.sizes;
    if (m.maxItemsPerSlide) merged.maxItemsPerSlide = m.maxItemsPerSlide;
    if (m.fonts) merged.fonts = m.fonts as TemplateManifest['fonts'];
    // A child that changes colours restates which colour is drawn on which.
    if (m.contrast) merged.contrast = m.contrast;
    // A child may add options or change a parent's default.
    if (m.options) merged.options = { ...merged.options, ...m.options };
    for (const key of Object.keys(m.options ?? {})) defaults[key] = { file, line: lineOf(['options', key, 'default']) };
  }
  return { manifest: merged, defaults };
}

/** A template's own default logo (or other image) passes the checks of a briefing's, inside the folder of the template.json that names it. */
export function defaultImages(
  manifest: TemplateManifest,
  defaults: Record<string, Location>,
): Record<string, MediaFile> {
  const images: Record<string, MediaFile> = {};
  for (const [key, option] of Object.entries(manifest.options)) {
    if (option.type === 'image' && option.default !== undefined)
      images[key] = imageOption(key, option.default, defaults[key]!);
  }
  return images;
}
