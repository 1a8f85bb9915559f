import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { TemplateError } from '../errors.js';
import { registerHelpers } from './helpers.js';

/** Folder of the templates that ship with briefdeck (same place from src/ and dist/). */
export const BUILTIN_TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

const optionSchema = z.object({
  type: z.enum(['string', 'color', 'number', 'boolean']),
  default: z.union([z.string(), z.number(), z.boolean()]),
  description: z.string().optional(),
});

const manifestSchema = z.object({
  name: z.string(),
  description: z.string().default(''),
  width: z.number().int().positive().default(1280),
  height: z.number().int().positive().default(720),
  maxItemsPerSlide: z.number().int().positive().default(5),
  fonts: z
    .array(z.object({ package: z.string(), weights: z.array(z.number().int()), italic: z.array(z.number().int()).default([]) }))
    .default([]),
  options: z.record(z.string(), optionSchema).default({}),
});

export type TemplateManifest = z.infer<typeof manifestSchema>;
export type TemplateOption = z.infer<typeof optionSchema>;

export interface Template {
  name: string;
  dir: string;
  manifest: TemplateManifest;
  themeCss: string;
  /** Renders the whole deck from its data. */
  layout: Handlebars.TemplateDelegate;
}

/** Lists the names of the built-in templates. */
export async function listTemplates(): Promise<string[]> {
  const entries = await readdir(BUILTIN_TEMPLATES, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && existsSync(path.join(BUILTIN_TEMPLATES, e.name, 'template.json'))).map((e) => e.name).sort();
}

const cache = new Map<string, Promise<Template>>();

/** Loads (once per process) and compiles a template by name. */
export function loadTemplate(name: string): Promise<Template> {
  let template = cache.get(name);
  if (!template) {
    template = compileTemplate(name);
    cache.set(name, template);
    template.catch(() => cache.delete(name));
  }
  return template;
}

async function compileTemplate(name: string): Promise<Template> {
  const dir = path.join(BUILTIN_TEMPLATES, name);
  if (!/^[\w.-]+$/.test(name) || !existsSync(path.join(dir, 'template.json'))) {
    const known = await listTemplates();
    throw new TemplateError(`unknown template "${name}"`, `use one of: ${known.join(', ')}`);
  }
  const manifestFile = path.join(dir, 'template.json');
  let manifest: TemplateManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(await readFile(manifestFile, 'utf8')));
  } catch (error) {
    throw new TemplateError('invalid template manifest', error instanceof Error ? error.message.split('\n')[0]! : String(error), { file: manifestFile }, { cause: error });
  }

  // An isolated Handlebars environment per template: partials and helpers of one never leak into another.
  const hbs = Handlebars.create();
  registerHelpers(hbs);
  const partialDir = path.join(dir, 'partials');
  for (const entry of existsSync(partialDir) ? await readdir(partialDir) : []) {
    if (!entry.endsWith('.hbs')) continue;
    const file = path.join(partialDir, entry);
    hbs.registerPartial(entry.slice(0, -4), compile(hbs, await readFile(file, 'utf8'), file));
  }
  const layoutFile = path.join(dir, 'layout.hbs');
  const layout = compile(hbs, await readFile(layoutFile, 'utf8'), layoutFile);
  return { name, dir, manifest, themeCss: path.join(dir, 'theme.css'), layout };
}

/** Compiles eagerly so syntax errors surface at load time with the file and line. */
function compile(hbs: typeof Handlebars, source: string, file: string): Handlebars.TemplateDelegate {
  try {
    hbs.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message)?.[1];
    const detail = message.split('\n').find((l) => /^Expecting|^Parse error/.test(l)) ?? message.split('\n')[0]!;
    throw new TemplateError(`template syntax error: ${detail.replace(/^Parse error on line \d+:?\s*/, '')}`, 'check the {{ }} tags on this line', {
      file,
      line: line ? Number(line) : undefined,
    }, { cause: error });
  }
  return hbs.compile(source, { noEscape: false, strict: false, preventIndent: true });
}

/** Applies defaults and checks user option values against the manifest. */
export function resolveOptions(template: Template, given: Record<string, unknown>): Record<string, unknown> {
  const declared = template.manifest.options;
  const resolved: Record<string, unknown> = {};
  for (const [key, option] of Object.entries(declared)) resolved[key] = option.default;
  for (const [key, value] of Object.entries(given)) {
    const option = declared[key];
    if (!option) {
      const names = Object.keys(declared);
      throw new TemplateError(`unknown option "${key}" for template "${template.name}"`, names.length ? `allowed options: ${names.join(', ')}` : 'this template has no options');
    }
    if (!optionValueOk(option, value)) {
      throw new TemplateError(`option "${key}" must be ${describeType(option)}`, `got ${JSON.stringify(value)}`);
    }
    resolved[key] = value;
  }
  return resolved;
}

function optionValueOk(option: TemplateOption, value: unknown): boolean {
  switch (option.type) {
    case 'color':
      return typeof value === 'string' && /^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/.test(value);
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
  }
}

function describeType(option: TemplateOption): string {
  return option.type === 'color' ? 'a hex colour like #1f4e79' : `a ${option.type}`;
}
