import type { Briefing } from '../content/model.js';
import { BriefdeckError, TemplateError } from '../errors.js';
import { planSlides } from './plan.js';
import type { Slide } from './slide.js';
import { loadTemplate, resolveOptions, type Template } from './template.js';

/** Where a deck's HTML finds its assets, relative to index.html (the output stage puts them there). */
export const ASSET_URLS = {
  revealCss: 'assets/reveal/reveal.css',
  revealJs: 'assets/reveal/reveal.js',
  notesJs: 'assets/reveal/plugin/notes.js',
  deckJs: 'assets/deck.js',
  fontsCss: 'assets/fonts/fonts.css',
  themeCss: 'assets/theme.css',
} as const;

export interface RenderedDeck {
  briefing: Briefing;
  template: Template;
  slides: Slide[];
  html: string;
}

export interface Marking {
  text: string;
  /** `tlp tlp-amber-strict` for TLP 2.0 labels, so templates can colour them; empty for free text. */
  className: string;
}

/** Loads the briefing's template, plans its slides and renders the deck HTML. */
export async function renderBriefing(briefing: Briefing, templateName = briefing.meta.template): Promise<RenderedDeck> {
  const template = await loadTemplate(templateName).catch((error: unknown) => {
    throw locate(error, briefing, briefing.lines.template);
  });
  let options: Record<string, unknown>;
  try {
    options = resolveOptions(template, briefing.meta.options);
  } catch (error) {
    throw locate(error, briefing, briefing.lines.options);
  }
  const slides = planSlides(briefing, { maxItemsPerSlide: template.manifest.maxItemsPerSlide });
  return { briefing, template, slides, html: renderDeck(briefing, slides, template, options) };
}

/** Model → HTML. Pure: same input, same string; no I/O. */
export function renderDeck(briefing: Briefing, slides: Slide[], template: Template, options: Record<string, unknown>): string {
  const { width, height } = template.manifest;
  const data = {
    meta: briefing.meta,
    slug: briefing.slug,
    options,
    slides,
    marking: briefing.meta.marking ? markingOf(briefing.meta.marking) : undefined,
    assets: ASSET_URLS,
    reveal: {
      width,
      height,
      margin: 0,
      center: false,
      hash: true,
      controls: true,
      progress: true,
      slideNumber: false, // the template prints its own "n / total" on every slide and page
      transition: 'fade',
      navigationMode: 'linear',
      // Print view: one page per slide with every fragment shown.
      pdfSeparateFragments: false,
      pdfMaxPagesPerSlide: 1,
      pdfPageHeightOffset: -1,
    },
  };
  try {
    return template.layout(data);
  } catch (error) {
    if (error instanceof BriefdeckError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new TemplateError(`template "${template.name}" failed to render: ${message.split('\n')[0]}`, 'check the partial names and helpers it uses', {
      file: template.dir,
    }, { cause: error });
  }
}

/** Template problems caused by front matter (unknown name, bad option) are reported at the front-matter line. */
function locate(error: unknown, briefing: Briefing, line: number | undefined): unknown {
  if (error instanceof TemplateError && !error.location) {
    return new TemplateError(error.what, error.hint, { file: briefing.file, line }, { cause: error });
  }
  return error;
}

const TLP = /^TLP:(CLEAR|GREEN|AMBER\+STRICT|AMBER|RED)$/;

export function markingOf(text: string): Marking {
  const tlp = TLP.exec(text.trim());
  return { text: text.trim(), className: tlp ? `tlp tlp-${tlp[1]!.toLowerCase().replace('+', '-')}` : '' };
}
