import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, loadConfig } from '../config.js';
import { briefingMarking } from '../content/marking.js';
import type { Warning } from '../content/model.js';
import { readBriefing } from '../content/parse.js';
import { contrastError, contrastWarning } from '../deck/contrast.js';
import { renderBriefing, type RenderContext, type RenderedDeck } from '../deck/render.js';
import { BUILTIN_TEMPLATES, TemplateRegistry } from '../deck/template/registry.js';
import { ContentError } from '../errors.js';
import { deckAssets, type Asset } from '../output/assets.js';
import { htmlFingerprint, sourceFor, writeDeckInfo, type DeckInfo } from '../output/deck-info.js';
import { fontGapWarnings } from '../output/font-gaps.js';
import { deckFonts } from '../output/fonts.js';
import { moveFile, stagingFolder, writeDeck } from '../output/write-deck.js';
import { bookmarksFor } from '../pdf/bookmarks.js';
import type { HandoutJob, HandoutSize } from '../pdf/handout.js';
import type { PrintJob, PrintResult } from '../pdf/print.js';
import type { PptxFile } from './pptx-output.js';

export interface BuilderOptions {
  /** Output folder; each deck goes to <outDir>/<slug>/. */
  outDir: string;
  /** Use this template for every deck instead of the one in front matter. */
  template?: string;
  /** User template folders, searched before the config's and the built-in ones. */
  templates?: string[];
  /** Project config file (default: briefdeck.config.{yaml,yml,json} in `cwd`). */
  config?: string;
  /** Folder the config is looked for in (default: the working directory). */
  cwd?: string;
  /** Content that overflows its slide, and option colours below WCAG AA contrast, are errors, not warnings. */
  strict?: boolean;
}

export interface DeckResult {
  file: string;
  slug: string;
  dir: string;
  htmlFile: string;
  slides: number;
  /** Set once printed from this build's HTML (and, when staged, moved into `dir`). */
  pdf?: PrintResult;
  handout?: PrintResult;
  /** Set once written from this build's slides (`--pptx`; see pptx-output.ts). */
  pptx?: PptxFile;
}

export interface BuiltDeck {
  deck: DeckResult;
  rendered: RenderedDeck;
  warnings: Warning[];
  /** Identifies the deck's fonts.css (see DeckFonts.key). */
  fontsKey: string;
  /** Everything beside index.html, for writing the deck again when a staged one is accepted. */
  assets: Asset[];
  info: DeckInfo;
  /** Set while the deck is written only to a staging folder, not yet to `deck.dir` (see commitDeck). */
  staged?: ReturnType<typeof stagingFolder>;
  /** Refused by --strict (its content overflows): written nowhere. */
  refused?: boolean;
}

/** What a deck is made from besides its content file, for watching: the config file and the template folders. */
export interface DeckSources {
  config: string[];
  templates: string[];
}

/**
 * Builds one briefing at a time (a batch builds them all; serve and build --watch
 * rebuild only the file that changed). Holds what builds share: the project
 * config, the template registry, and which file owns which slug.
 */
export class BriefingBuilder {
  private context?: Promise<RenderContext>;
  private readonly owners = new Map<string, string>();

  constructor(private readonly options: BuilderOptions) {}

  /** Forget the config and templates (they changed); the next build reads them again. */
  reload(): void {
    this.context = undefined;
  }

  /**
   * Parses, renders and writes one briefing's HTML deck. Throws a BriefdeckError, having written nothing, on bad input.
   * `stage`: write it to a staging folder beside its folder instead, to print and judge it there
   * (`--strict`); commitDeck() then writes it into place, or discardDeck() drops it.
   */
  async buildHtml(file: string, options: { stage?: boolean } = {}): Promise<BuiltDeck> {
    const context = await this.renderContext();
    const { briefing, warnings } = await readBriefing(file);
    const owner = this.owners.get(briefing.slug);
    if (owner && owner !== file) {
      throw new ContentError(
        `the slug "${briefing.slug}" is already used by ${owner}`,
        'rename one file or set a different `slug:` in its front matter',
        {
          file,
          line: briefing.lines.slug ?? 1,
        },
      );
    }
    const rendered = await renderBriefing(briefing, context);
    if (this.options.strict && rendered.contrast[0]) throw contrastError(rendered.contrast[0]);
    this.forget(file);
    this.owners.set(briefing.slug, file);
    const dir = path.join(this.options.outDir, briefing.slug);
    const fonts = await deckFonts(rendered.template, rendered.html);
    const fontWarnings = fontGapWarnings(rendered, fonts.gaps); // throws, before anything is written, when a script font package is missing
    const assets = [...(await deckAssets(rendered.template)), ...fonts.assets, ...rendered.media];
    const deck = {
      file,
      slug: briefing.slug,
      dir,
      htmlFile: path.join(dir, 'index.html'),
      slides: rendered.slides.length,
    };
    const built: BuiltDeck = {
      deck,
      rendered,
      warnings: [...warnings, ...rendered.contrast.map(contrastWarning), ...fontWarnings],
      fontsKey: fonts.key,
      assets,
      info: deckInfo(rendered, dir),
    };
    if (options.stage) built.staged = stagingFolder(dir);
    await writeDeckFiles(built, built.staged?.dir ?? dir);
    return built;
  }

  /** The slug a file was last built as, if any. */
  slugOf(file: string): string | undefined {
    for (const [slug, owner] of this.owners) if (owner === file) return slug;
    return undefined;
  }

  forget(file: string): void {
    const slug = this.slugOf(file);
    if (slug) this.owners.delete(slug);
  }

  /** The config file and template folders the decks are built from (absolute); a broken config adds no folders. */
  async sources(): Promise<DeckSources> {
    const cwd = this.options.cwd ?? process.cwd();
    const config = await this.renderContext().then(
      (context) => context.config,
      () => undefined,
    );
    const configFiles = this.options.config
      ? [path.resolve(this.options.config)]
      : CONFIG_NAMES.map((name) => path.resolve(cwd, name));
    return {
      config: configFiles.filter((file) => existsSync(file)),
      templates: [...(this.options.templates ?? []), ...(config?.templates ?? []), BUILTIN_TEMPLATES].map((dir) =>
        path.resolve(dir),
      ),
    };
  }

  private renderContext(): Promise<RenderContext> {
    this.context ??= (async () => {
      const config = await loadConfig(this.options.cwd ?? process.cwd(), this.options.config);
      return {
        registry: new TemplateRegistry([...(this.options.templates ?? []), ...config.templates]),
        template: this.options.template,
        config,
      };
    })();
    const context = this.context;
    context.catch(() => {
      if (this.context === context) this.context = undefined; // a broken config is read again next time
    });
    return context;
  }
}

/** Where the deck's files are now: its staging folder until it is committed. */
export function deckLocation(built: BuiltDeck): { dir: string; htmlFile: string } {
  const dir = built.staged?.dir ?? built.deck.dir;
  return { dir, htmlFile: path.join(dir, 'index.html') };
}

/** What printing the deck's PDF needs (the print stage's PrintJob); the same for build and serve. */
export function printJob(built: BuiltDeck, options: { notesPages?: boolean } = {}): PrintJob {
  const { deck, rendered } = built;
  const { meta } = rendered.briefing;
  // A staged deck (--strict) is printed where it is staged, and moved into place only if accepted.
  const { dir, htmlFile } = deckLocation(built);
  return {
    htmlFile,
    html: rendered.html,
    pdfFile: path.join(dir, `${deck.slug}.pdf`),
    metadata: {
      title: meta.title,
      author: meta.author ?? meta.organization,
      subject: meta.subtitle,
      keywords: meta.keywords,
    },
    bookmarks: bookmarksFor(rendered.slides),
    notesPages: options.notesPages,
    marking: briefingMarking(meta),
    // Decks of one template with the same fonts.css (the same script characters) share stylesheets and
    // fonts, so a tab can be reused between them.
    styleKey: [...rendered.template.chain, built.fontsKey].join('\0'),
  };
}

/** What printing the deck's handout needs; printed from the deck in its folder (after any staging). */
export function handoutJob(built: BuiltDeck, size: HandoutSize): HandoutJob {
  const { deck, rendered } = built;
  return {
    htmlFile: deck.htmlFile,
    pdfFile: path.join(deck.dir, `${deck.slug}-handout.pdf`),
    meta: rendered.briefing.meta,
    slides: rendered.slides.length,
    size,
  };
}

/**
 * Writes a staged deck into its folder (its PDF too, when printed in the staging folder), then
 * removes the staging folder. The HTML goes in first: writeDeck removes the old PDFs beside it.
 */
export async function commitDeck(built: BuiltDeck): Promise<void> {
  const { staged, deck } = built;
  if (!staged) return;
  await writeDeckFiles(built, deck.dir);
  if (deck.pdf) {
    const pdfFile = path.join(deck.dir, path.basename(deck.pdf.pdfFile));
    await moveFile(deck.pdf.pdfFile, pdfFile);
    deck.pdf = { ...deck.pdf, pdfFile };
  }
  if (deck.pptx) {
    const file = path.join(deck.dir, path.basename(deck.pptx.file));
    await moveFile(deck.pptx.file, file);
    deck.pptx = { ...deck.pptx, file };
  }
  await staged.remove();
  built.staged = undefined;
}

/** Drops a staged deck (refused by --strict): nothing of it reaches its folder. */
export async function discardDeck(built: BuiltDeck): Promise<void> {
  await built.staged?.remove();
  built.staged = undefined;
}

/** Rewrites deck.json to name the PDFs printed from the deck's HTML (and its PPTX), for the index page. */
export async function recordPrints(built: BuiltDeck): Promise<void> {
  await writeDeckInfo(built.deck.dir, deckRecord(built));
}

/** What the index page and a shard's record say of a deck this build wrote: deck.json with the PDFs printed so far (and its PPTX). */
export function deckRecord(built: BuiltDeck): DeckInfo {
  const { deck } = built;
  const name = (print: PrintResult | undefined) => print && path.basename(print.pdfFile);
  return {
    ...built.info,
    pdf: name(deck.pdf),
    handout: name(deck.handout),
    pptx: deck.pptx && path.basename(deck.pptx.file),
  };
}

async function writeDeckFiles(built: BuiltDeck, dir: string): Promise<void> {
  await writeDeck(dir, built.rendered.html, built.assets);
  await writeDeckInfo(dir, built.info);
}

/** deck.json as written with the HTML: no PDF yet (recordPrints adds those printed). */
function deckInfo(rendered: RenderedDeck, dir: string): DeckInfo {
  const { meta, slug, file } = rendered.briefing;
  return {
    slug,
    title: meta.title,
    subtitle: meta.subtitle,
    date: meta.date,
    marking: meta.marking,
    draft: meta.draft,
    slides: rendered.slides.length,
    source: sourceFor(dir, file),
    html: htmlFingerprint(rendered.html),
  };
}
