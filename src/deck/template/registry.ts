import { existsSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { MediaFile } from '../../content/model.js';
import { TemplateError } from '../../errors.js';
import { checkContrastDeclarations } from '../contrast.js';
import { HELPER_RESULTS, registerHelpers } from '../helpers.js';
import { checkFields, deckShape, type TemplateSource } from '../fields.js';
import { ASSET_URLS } from '../asset-urls.js';
import { NEWER_SLIDE_KINDS, type SlideKind } from '../slide.js';
import { checkPartials, compile } from './compile.js';
import {
  checkTemplatesFolder,
  collectFiles,
  joinStylesheets,
  listFolder,
  readTemplateFile,
  resolvePartials,
} from './sources.js';
import { defaultImages, mergeManifests, readManifest, type ManifestFile, type TemplateManifest } from './manifest.js';
import { packagePath } from '../../paths.js';

/** Folder of the templates that ship with briefdeck (same place from src/ and dist/). */
export const BUILTIN_TEMPLATES = packagePath('templates');
/**
 * Every slide kind needs a partial of that name somewhere in a template's chain; the kinds of briefing
 * types and key judgments (NEWER_SLIDE_KINDS) only when a deck has such a slide (deck/render.ts says so),
 * so that a template written before them still builds every briefing that has none.
 */
const SLIDE_KINDS: SlideKind[] = ['title', 'summary', 'implication', 'recommendations', 'quote', 'sources', 'generic'];

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
      [...SLIDE_KINDS, ...NEWER_SLIDE_KINDS],
      HELPER_RESULTS,
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
