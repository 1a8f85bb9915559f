import path from 'node:path';
import { loadConfig } from './config.js';
import type { Warning } from './content/model.js';
import { readBriefing } from './content/parse.js';
import { contrastError, contrastWarning } from './deck/contrast.js';
import { renderBriefing, type RenderContext, type RenderedDeck } from './deck/render.js';
import { TemplateRegistry } from './deck/template.js';
import { ContentError } from './errors.js';
import { deckAssets } from './output/assets.js';
import { deckFonts } from './output/fonts.js';
import { writeDeckInfo, type DeckInfo } from './output/index-page.js';
import { writeDeck } from './output/write.js';

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
  pdf?: import('./pdf/print.js').PrintResult;
}

export interface BuiltDeck {
  deck: DeckResult;
  rendered: RenderedDeck;
  warnings: Warning[];
  /** Identifies the deck's fonts.css (see DeckFonts.key). */
  fontsKey: string;
}

/**
 * Builds decks one file at a time (the CLI's build builds them all; serve
 * rebuilds only the file that changed). Holds what builds share: the project
 * config, the template registry, and which file owns which slug.
 */
export class DeckBuilder {
  private context?: Promise<RenderContext>;
  private readonly owners = new Map<string, string>();

  constructor(private readonly options: BuilderOptions) {}

  /** Forget the config and templates (they changed); the next build reads them again. */
  reload(): void {
    this.context = undefined;
  }

  /** Parses, renders and writes one briefing's HTML deck. Throws a BriefdeckError, having written nothing, on bad input. */
  async buildHtml(file: string): Promise<BuiltDeck> {
    const context = await this.renderContext();
    const { briefing, warnings } = await readBriefing(file);
    const owner = this.owners.get(briefing.slug);
    if (owner && owner !== file) {
      throw new ContentError(`the slug "${briefing.slug}" is already used by ${owner}`, 'rename one file or set a different `slug:` in its front matter', {
        file,
        line: briefing.lines.slug ?? 1,
      });
    }
    const rendered = await renderBriefing(briefing, context);
    if (this.options.strict && rendered.contrast[0]) throw contrastError(rendered.contrast[0]);
    this.forget(file);
    this.owners.set(briefing.slug, file);
    const dir = path.join(this.options.outDir, briefing.slug);
    const fonts = await deckFonts(rendered.template, rendered.html);
    const htmlFile = await writeDeck(dir, rendered.html, [...(await deckAssets(rendered.template)), ...fonts.assets, ...rendered.media]);
    await writeDeckInfo(dir, deckInfo(rendered));
    const deck = { file, slug: briefing.slug, dir, htmlFile, slides: rendered.slides.length };
    return { deck, rendered, warnings: [...warnings, ...rendered.contrast.map(contrastWarning)], fontsKey: fonts.key };
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

function deckInfo(rendered: RenderedDeck): DeckInfo {
  const { meta, slug, file } = rendered.briefing;
  return {
    slug,
    title: meta.title,
    subtitle: meta.subtitle,
    date: meta.date,
    marking: meta.marking,
    draft: meta.draft,
    slides: rendered.slides.length,
    source: file,
    pdf: `${slug}.pdf`,
  };
}
