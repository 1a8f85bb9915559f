import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import * as v from 'valibot';
import type { MediaFile } from '../content/model.js';
import { jsonLines } from '../content/yaml.js';
import {
  isUnknownKey,
  issueMessage,
  issuePath,
  objectInput,
  recordInput,
  strictObject as object,
} from '../validation.js';
import { TemplateError, type Location } from '../errors.js';
import { checkContrastDeclarations, contrastPairSchema, type ContrastPair } from './contrast.js';
import { describeFileError, kindOf, MAX_TEXT_BYTES, readRegularFile } from '../files.js';
import { HELPER_NAMES, registerHelpers } from './helpers.js';
import { checkFields, deckShape, type TemplateSource } from './fields.js';
import { describe, imageOption, valueFits } from './options.js';
import { ASSET_URLS } from './render.js';
import type { SlideKind } from './slide.js';

/** Folder of the templates that ship with briefdeck (same place from src/ and dist/). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

/** Compiled template specs (see compile()); only a cache: deleting it is always safe. */
const CACHE_DIR =
  process.env.BRIEFDECK_CACHE_DIR ??
  fileURLToPath(new URL('../../node_modules/.cache/briefdeck/templates/', import.meta.url));

/** Every slide kind needs a partial of that name somewhere in a template's chain. */
const SLIDE_KINDS: SlideKind[] = ['title', 'summary', 'implication', 'recommendations', 'quote', 'sources', 'generic'];

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

export interface Template {
  name: string;
  /** Folders of the template and its ancestors, the template first. */
  chain: string[];
  manifest: TemplateManifest;
  /** The stylesheets of the chain, ancestors first, joined into one. */
  css: string;
  /** Files of the chain's `assets/` folders (child wins), by path relative to that folder. */
  files: Map<string, string>;
  /** Where each resolved piece came from, for `template eject`. */
  sources: { layout: string; partials: Record<string, string> };
  /** Renders the whole deck from its data. */
  layout: Handlebars.TemplateDelegate;
  /** The default images of image options, checked (and read) when the template loads. */
  defaultImages: Record<string, MediaFile>;
}

export interface TemplateInfo {
  name: string;
  dir: string;
  builtin: boolean;
  description: string;
  extends?: string;
}

const HANDLEBARS_OPTIONS: CompileOptions = {
  // Unknown helpers are errors at load time, with a line, rather than silent output at render time.
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((name) => [name, true])),
  preventIndent: true,
};

/**
 * Finds templates by name: in the user's template folders first (in the order
 * given), then the built-in ones. A user template may shadow a built-in one;
 * `extends` is resolved the same way but never to the template itself.
 */
export class TemplateRegistry {
  private readonly searchDirs: string[];
  private readonly cache = new Map<string, Promise<Template>>();
  private entries?: Promise<TemplateInfo[]>;

  constructor(userDirs: string[] = []) {
    this.searchDirs = [...userDirs.map((dir) => path.resolve(dir)), BUILTIN_TEMPLATES];
  }

  /** The templates a name can select, user templates first; of two with the same name, the one used. */
  async list(): Promise<TemplateInfo[]> {
    const all = await this.all();
    return all.filter((t, i) => all.findIndex((other) => other.name === t.name) === i);
  }

  /** Every template in the search folders, shadowed ones included (`extends: default` from a user "default" needs the built-in). */
  private all(): Promise<TemplateInfo[]> {
    this.entries ??= this.scan();
    return this.entries;
  }

  load(name: string): Promise<Template> {
    let template = this.cache.get(name);
    if (!template) {
      template = this.compile(name);
      this.cache.set(name, template);
    }
    return template;
  }

  private async scan(): Promise<TemplateInfo[]> {
    const found: TemplateInfo[] = [];
    for (const dir of this.searchDirs) {
      const builtin = dir === BUILTIN_TEMPLATES;
      await checkTemplatesFolder(dir);
      // A folder with a template.json is one template; otherwise each sub-folder with one is.
      const candidates = existsSync(path.join(dir, 'template.json'))
        ? [dir]
        : (await listFolder(dir))
            .filter((e) => e.isDirectory())
            .map((e) => path.join(dir, e.name))
            .sort();
      for (const candidate of candidates) {
        const manifestFile = path.join(candidate, 'template.json');
        if (!existsSync(manifestFile)) continue;
        const { manifest } = await readManifest(manifestFile);
        const name = manifest.name ?? path.basename(candidate);
        found.push({
          name,
          dir: candidate,
          builtin,
          description: manifest.description ?? '',
          extends: manifest.extends,
        });
      }
    }
    return found;
  }

  private async find(name: string, except: Set<string>): Promise<TemplateInfo | undefined> {
    return (await this.all()).find((t) => t.name === name && !except.has(t.dir));
  }

  private async compile(name: string): Promise<Template> {
    const chain: Array<{ info: TemplateInfo } & ManifestFile> = [];
    const seen = new Set<string>();
    let info = await this.find(name, seen);
    if (!info) {
      const known = (await this.list()).map((t) => t.name);
      throw new TemplateError(`unknown template "${name}"`, `use one of: ${known.join(', ')}`);
    }
    while (info) {
      seen.add(info.dir);
      const manifestFile = path.join(info.dir, 'template.json');
      const read = await readManifest(manifestFile);
      const { manifest } = read;
      chain.push({ info, ...read });
      if (!manifest.extends) break;
      const parent: TemplateInfo | undefined = await this.find(manifest.extends, seen);
      if (!parent) {
        const known = (await this.list()).map((t) => t.name);
        throw new TemplateError(
          `template "${info.name}" extends unknown template "${manifest.extends}"`,
          `use one of: ${known.join(', ')} (and no cycles)`,
          { file: manifestFile },
        );
      }
      info = parent;
    }
    const dirs = chain.map((c) => c.info.dir);
    const { manifest, defaults } = mergeManifests(name, [...chain].reverse());
    const contrastFrom = chain.find((c) => c.manifest.contrast);
    if (contrastFrom) checkContrastDeclarations(manifest, path.join(contrastFrom.info.dir, 'template.json'));

    // One Handlebars environment per template: partials of one never leak into another.
    const hbs = Handlebars.create();
    registerHelpers(hbs);
    const partialFiles = await resolvePartials(dirs);
    const partials: Record<string, TemplateSource> = {};
    for (const [partial, file] of Object.entries(partialFiles)) {
      const source = await readTemplateFile(file);
      hbs.registerPartial(partial, compile(hbs, source, file));
      partials[partial] = { file, ast: Handlebars.parse(source) };
    }
    const layoutFile = dirs.map((dir) => path.join(dir, 'layout.hbs')).find((file) => existsSync(file));
    if (!layoutFile)
      throw new TemplateError(
        `template "${name}" has no layout.hbs`,
        'add one, or `"extends": "default"` in template.json',
        { file: dirs[0]! },
      );
    const layoutSource = await readTemplateFile(layoutFile);
    const layout = compile(hbs, layoutSource, layoutFile);
    const layoutAst = { file: layoutFile, ast: Handlebars.parse(layoutSource) };
    for (const { file, ast } of [layoutAst, ...Object.values(partials)]) checkPartials(ast, file, partialFiles);
    const missing = SLIDE_KINDS.filter((kind) => !partialFiles[kind]);
    if (missing.length) {
      throw new TemplateError(
        `template "${name}" has no partial for slide kind "${missing[0]}"`,
        `add partials/${missing[0]}.hbs, or extend a template that has one`,
        { file: dirs[0]! },
      );
    }
    checkFields(
      layoutAst,
      partials,
      deckShape(Object.keys(manifest.options), Object.keys(ASSET_URLS)),
      SLIDE_KINDS,
      HELPER_NAMES,
    );

    return {
      name,
      chain: dirs,
      manifest,
      css: await joinStylesheets(dirs),
      files: await collectFiles(dirs),
      sources: { layout: layoutFile, partials: partialFiles },
      layout,
      defaultImages: defaultImages(manifest, defaults),
    };
  }
}

/** A template's text file; a FIFO, a device or an unreadable file is one TemplateError naming it (files.ts). */
async function readTemplateFile(file: string): Promise<string> {
  return (await readRegularFile(file, { as: TemplateError, noun: 'template file', maxBytes: MAX_TEXT_BYTES })).toString(
    'utf8',
  );
}

const TEMPLATES_HINT = 'check the --templates path or the `templates:` entry in briefdeck.config';

/** --templates names a folder: of templates, or one template. */
async function checkTemplatesFolder(dir: string): Promise<void> {
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

async function listFolder(dir: string) {
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

/** A template.json, read and checked, with the lines of its keys for later messages. */
interface ManifestFile {
  file: string;
  manifest: RawManifest;
  lineOf(path: readonly PropertyKey[]): number | undefined;
}

async function readManifest(file: string): Promise<ManifestFile> {
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
function mergeManifests(
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
function defaultImages(manifest: TemplateManifest, defaults: Record<string, Location>): Record<string, MediaFile> {
  const images: Record<string, MediaFile> = {};
  for (const [key, option] of Object.entries(manifest.options)) {
    if (option.type === 'image' && option.default !== undefined)
      images[key] = imageOption(key, option.default, defaults[key]!);
  }
  return images;
}

/** partials/<name>.hbs from every template in the chain; the nearest one wins. */
async function resolvePartials(dirsChildFirst: string[]): Promise<Record<string, string>> {
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
async function joinStylesheets(dirsChildFirst: string[]): Promise<string> {
  const parts: string[] = [];
  for (const dir of [...dirsChildFirst].reverse()) {
    const file = path.join(dir, 'theme.css');
    if (existsSync(file)) parts.push(await readTemplateFile(file));
  }
  return parts.join('\n');
}

async function collectFiles(dirsChildFirst: string[]): Promise<Map<string, string>> {
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

/**
 * Compiles eagerly so syntax errors and unknown helpers surface at load time
 * with the file and line. (Handlebars' own compile() is lazy: it would fail
 * only at render time.) Precompiling once and loading the spec is what
 * compile() does inside, so nothing is compiled twice; specs are kept in a
 * disk cache keyed by their source, which saves ~40 ms of every CLI run.
 */
function compile(hbs: typeof Handlebars, source: string, file: string): Handlebars.TemplateDelegate {
  const key = createHash('sha1')
    .update(`${Handlebars.VERSION}\0${JSON.stringify(HANDLEBARS_OPTIONS)}\0${source}`)
    .digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.js`);
  let spec: string | undefined;
  try {
    spec = readFileSync(cached, 'utf8');
  } catch {
    try {
      spec = hbs.precompile(source, HANDLEBARS_OPTIONS) as unknown as string; // typed as a spec object, but it is the spec's source
    } catch (error) {
      throw handlebarsError(error, file, source);
    }
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(cached, spec);
    } catch {
      // A read-only install just compiles every time.
    }
  }
  // A template spec is code by design (templates are trusted; content never reaches here).
  return hbs.template(new Function(`return ${spec}`)() as Parameters<typeof hbs.template>[0]);
}

function handlebarsError(error: unknown, file: string, source: string): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const at = (line: number | undefined) => ({ file, line });
  const unknownHelper = /unknown helper (\S+) - (\d+):\d+/.exec(message);
  if (unknownHelper) {
    const hint = `templates can use: ${HELPER_NAMES.join(', ')}, and Handlebars' if, unless, each, with, lookup`;
    return new TemplateError(`unknown helper "${unknownHelper[1]}"`, hint, at(Number(unknownHelper[2])), {
      cause: error,
    });
  }
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):\d+/.exec(message);
  if (mismatch) {
    return new TemplateError(
      `{{/${mismatch[2]}}} closes {{#${mismatch[1]}}}`,
      `close {{#${mismatch[1]}}} with {{/${mismatch[1]}}}`,
      at(Number(mismatch[3])),
      { cause: error },
    );
  }
  if (/got 'EOF'/.test(message)) {
    // Handlebars reports the end of the file; the useful line is where the unclosed block opened.
    const open = unclosedBlock(source);
    if (open)
      return new TemplateError(`{{#${open.name}}} is never closed`, `add {{/${open.name}}}`, at(open.line), {
        cause: error,
      });
  }
  const line = /line (\d+)/.exec(message)?.[1];
  const got = /got '([^']+)'/.exec(message)?.[1];
  return new TemplateError(
    `template syntax error${got ? `: unexpected ${got}` : ''}`,
    'check the {{ }} tags on this line',
    at(line ? Number(line) : undefined),
    {
      cause: error,
    },
  );
}

/** The innermost block helper opened and not closed, by a scan of the tags. */
function unclosedBlock(source: string): { name: string; line: number } | undefined {
  const stack: Array<{ name: string; line: number }> = [];
  for (const match of source.matchAll(/\{\{~?([#/])>?\s*([\w.-]+)/g)) {
    const line = source.slice(0, match.index).split('\n').length;
    if (match[1] === '#') stack.push({ name: match[2]!, line });
    else if (stack[stack.length - 1]?.name === match[2]) stack.pop();
  }
  return stack[stack.length - 1];
}

/** A `{{> name}}` whose partial exists nowhere in the chain is an error now, not at render time. */
function checkPartials(ast: hbs.AST.Program, file: string, partials: Record<string, string>): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { type?: string; original?: string }; loc?: { start: { line: number } } };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression') {
      const name = n.name.original!;
      if (name !== '@partial-block' && !partials[name]) {
        throw new TemplateError(
          `missing partial "${name}"`,
          `create partials/${name}.hbs, or fix the name (available: ${Object.keys(partials).sort().join(', ')})`,
          {
            file,
            line: n.loc?.start.line,
          },
        );
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
}
