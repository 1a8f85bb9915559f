import type { MediaFile } from '../../content/model.js';
import { jsonLines } from '../../content/yaml.js';
import { TemplateError, type Location } from '../../errors.js';
import { DEFAULT_MAX_TABLE_ROWS } from '../plan.js';
import {
  boolean,
  type Infer,
  integer,
  list,
  map,
  message,
  number,
  object,
  optional,
  partial,
  problemKey,
  refine,
  reject,
  string,
  validate,
  variant,
} from '../../validate.js';
import { contrastPairSchema, type ContrastPair } from '../contrast.js';
import type { MarkingColours } from '../../content/marking.js';
import { checkMarkingColours, markingColoursSchema } from './marking-colours.js';
import { describe, imageOption, valueFits } from '../options.js';
import { readTemplateFile } from './sources.js';

const description = optional(string());

const optionSchema = variant('type', {
  string: { default: optional(string()), description },
  color: { default: optional(string()), description },
  number: { default: optional(number()), description },
  boolean: { default: optional(boolean()), description },
  enum: { values: list(string(), { min: 1 }), default: optional(string()), description },
  // An image is a path relative to the file that sets it: for a default, this template.json (and inside its folder).
  image: { default: optional(string()), description },
});

/**
 * A font package is resolved with require.resolve and named in `npm install …`
 * hints, so it must be an npm package name (npm's rules: lower case, URL-safe,
 * an optional @scope/, at most 214 characters), never a path such as ../../etc.
 */
const npmPackageName = refine(string(), (name) =>
  name.length > 214
    ? reject('must be an npm package name (at most 214 characters)')
    : !/^(@[a-z0-9][a-z0-9._~-]*\/)?[a-z0-9][a-z0-9._~-]*$/.test(name)
      ? reject('must be an npm package name such as @fontsource/source-sans-3, not a path')
      : name,
);

const sizeSchema = object({ width: integer({ above: 0 }), height: integer({ above: 0 }) });

/** template.json as written: everything optional, so a template that `extends` another states only what it changes. */
const manifestSchema = object(
  partial({
    name: refine(string(), (name) =>
      /^[\w.-]+$/.test(name) ? name : reject('use letters, digits, dots, dashes and underscores'),
    ),
    description: string(),
    extends: string(),
    sizes: map(sizeSchema),
    maxItemsPerSlide: integer({ above: 0 }),
    maxTableRowsPerSlide: integer({ above: 0 }),
    fonts: list(object({ package: npmPackageName, weights: list(integer()), italic: optional(list(integer()), []) })),
    options: map(optionSchema),
    contrast: list(contrastPairSchema),
    markings: list(markingColoursSchema),
  }),
);

export type TemplateOption = Infer<typeof optionSchema>;
export type RawManifest = Infer<typeof manifestSchema>;

/** The manifest after `extends` is applied: parent first, then what the child changes. */
export interface TemplateManifest {
  name: string;
  description: string;
  /** Slide sizes by name (e.g. "16:9"); the first is the default, the `size` option picks another. */
  sizes: Record<string, { width: number; height: number }>;
  maxItemsPerSlide: number;
  /** Tables with more body rows continue on further slides, their header row repeated. */
  maxTableRowsPerSlide: number;
  fonts: Array<{ package: string; weights: number[]; italic: number[] }>;
  options: Record<string, TemplateOption>;
  /** Which colour is drawn on which, for the WCAG contrast check (contrast.ts); a child's list replaces its parent's. */
  contrast: ContrastPair[];
  /** Banner colours by marking (template.json `markings`): a child's entry replaces its parent's for the same `match`. */
  markings: MarkingColours[];
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
  const result = validate(manifestSchema, json);
  if (!result.ok) {
    const problem = result.problems[0]!;
    throw new TemplateError(
      `template.json: "${problem.path.join('.') || '(top level)'}" ${message(problem)}`,
      'see templates/README.md for the manifest fields',
      { file, line: lineOf(problemKey(problem)) },
    );
  }
  // The schema knows each default's JSON type; a colour's form and an enum's values are checked as a briefing's values are.
  for (const [key, option] of Object.entries(result.value.options ?? {})) {
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
  checkMarkingColours(result.value.markings ?? [], file, lineOf);
  return { file, manifest: result.value, lineOf };
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
    maxTableRowsPerSlide: DEFAULT_MAX_TABLE_ROWS,
    fonts: [],
    options: {},
    contrast: [],
    markings: [],
  };
  const defaults: Record<string, Location> = {};
  for (const { manifest: m, file, lineOf } of rootFirst) {
    if (m.description !== undefined) merged.description = m.description;
    if (m.sizes) merged.sizes = m.sizes;
    if (m.maxItemsPerSlide) merged.maxItemsPerSlide = m.maxItemsPerSlide;
    if (m.maxTableRowsPerSlide) merged.maxTableRowsPerSlide = m.maxTableRowsPerSlide;
    if (m.fonts) merged.fonts = m.fonts as TemplateManifest['fonts'];
    // A child that changes colours restates which colour is drawn on which.
    if (m.contrast) merged.contrast = m.contrast;
    // A child may add options or change a parent's default.
    if (m.markings) {
      const own = new Set(m.markings.map((entry) => entry.match));
      merged.markings = [...m.markings, ...merged.markings.filter((entry) => !own.has(entry.match))];
    }
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
