import { existsSync } from 'node:fs';
import path from 'node:path';
import { CONFIG_NAMES, loadConfig } from '../config.js';
import type { ProjectLabelChoice } from '../labels/index.js';
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
import { stagingFolder } from '../atomic-write.js';
import { moveFile, writeDeck } from '../output/write-deck.js';
import { bookmarksFor } from '../pdf/bookmarks.js';
import type { PrintJob, PrintResult } from '../pdf/print.js';
import type { Freshness } from './freshness.js';
import { moveOutputs, outputRecords, type DeckOutputs, type OutputStage } from './outputs.js';

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

/** `handout`, `pptx` …: set once written by their output stage (outputs.ts), from this build's deck. */
export interface DeckResult extends DeckOutputs {
  file: string;
  slug: string;
  dir: string;
  htmlFile: string;
  slides: number;
  /** Set once printed from this build's HTML (and, when staged, moved into `dir`). */
  pdf?: PrintResult;
  /** Its folder already held what this build would write (freshness.ts): nothing of it was written or printed; the rest is what the build that wrote it reported. */
  upToDate?: boolean;
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
  /** Outputs written into the staging folder, reported once the deck is in place (with the time each took, ms). */
  unreported?: { stage: OutputStage; ms: number }[];
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
   * `reuse`: first ask whether the deck folder already holds this deck (not with `force`); then nothing
   * is written, and the deck comes back `upToDate` with what the build that wrote it reported.
   */
  async buildHtml(file: string, options: { stage?: boolean; reuse?: Freshness } = {}): Promise<BuiltDeck> {
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
    if (await options.reuse?.reuse(built)) return built;
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

  /** The project config's labels and digits, for the index page; none when the config is broken (its decks say so). */
  async projectLabels(): Promise<ProjectLabelChoice> {
    return this.renderContext().then(
      (context) => context.config ?? {},
      () => ({}),
    );
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
export function printJob(built: BuiltDeck, options: Pick<PrintJob, 'notesPages' | 'captures'> = {}): PrintJob {
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
    captures: options.captures,
    marking: rendered.marking,
    // Decks of one template with the same fonts.css (the same script characters) share stylesheets and
    // fonts, so a tab can be reused between them.
    styleKey: [...rendered.template.chain, built.fontsKey].join('\0'),
  };
}

/**
 * Writes a staged deck into its folder (its PDF and the output stages' files too), then
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
  await moveOutputs(deck, deck.dir, moveFile);
  await staged.remove();
  built.staged = undefined;
}

/** Drops a staged deck (refused by --strict): nothing of it reaches its folder. */
export async function discardDeck(built: BuiltDeck): Promise<void> {
  await built.staged?.remove();
  built.staged = undefined;
}

/** Rewrites deck.json to name the PDFs printed from the deck's HTML (and the output stages' files), for the index page. */
export async function recordPrints(built: BuiltDeck): Promise<void> {
  await writeDeckInfo(built.deck.dir, deckRecord(built));
}

/** What the index page and a shard's record say of a deck this build wrote: deck.json with the PDFs printed so far (and the output stages' files). */
export function deckRecord(built: BuiltDeck): DeckInfo {
  const { deck } = built;
  return {
    ...built.info,
    pdf: deck.pdf && path.basename(deck.pdf.pdfFile),
    ...outputRecords(deck),
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
    lang: meta.lang,
    date: meta.date,
    marking: meta.marking,
    markingColours: rendered.marking?.colours,
    draft: meta.draft,
    slides: rendered.slides.length,
    source: sourceFor(dir, file),
    html: htmlFingerprint(rendered.html),
  };
}
