import type { Briefing, BriefingMeta, MediaFile } from '../content/model.js';
import type { ProjectConfig } from '../config.js';
import { BriefdeckError, TemplateError, type Location } from '../errors.js';
import { checkContrast, type ContrastProblem } from './contrast.js';
import { installedDeckPolicy, withContentSecurityPolicy } from './csp.js';
import { resolveOptions, type OptionLayer } from './options.js';
import { planSlides } from './plan.js';
import type { Slide } from './slide.js';
import { ASSET_URLS } from './asset-urls.js';
import { LABELS } from './helpers.js';
import { briefingLabels, type LabelKey, type Labels } from '../labels/index.js';
import { withRuntimeLabels } from './runtime-labels.js';
import { briefingMarking, type Marking } from '../content/marking.js';
import type { Template, TemplateRegistry } from './template/registry.js';

export interface RenderContext {
  registry: TemplateRegistry;
  /** A template for every briefing (the CLI's --template), over front matter and config. */
  template?: string;
  config?: ProjectConfig;
}

export interface RenderedDeck {
  briefing: Briefing;
  template: Template;
  slides: Slide[];
  /** The template's options as resolved for this briefing (defaults, config, front matter): the PPTX writer reads the look from them. */
  options: Record<string, unknown>;
  html: string;
  /** Images for the deck, chosen through image options and shown by the content's markdown: their checked bytes. */
  media: MediaFile[];
  /** Colours below WCAG AA contrast, from the template's declared pairs and the resolved options. */
  contrast: ContrastProblem[];
  /** The words and number, date and list formats of the briefing's language, for every output. */
  labels: Labels;
  /** The marking with its colours (the template's `markings`, then the built-in ones), for every output. */
  marking?: Marking;
}

/** What a template's layout receives (templates/README.md, "What templates receive"; deck/fields.ts checks templates against it). */
export interface DeckData {
  meta: BriefingMeta;
  slug: string;
  options: Record<string, unknown>;
  slides: Slide[];
  marking?: Marking;
  assets: typeof ASSET_URLS;
  size: { width: number; height: number };
  reveal: Record<string, unknown>;
  /** Every label (labels/en.yaml names them) in the briefing's language, as plain text. */
  labels: Record<LabelKey, string>;
  /** The Intl locale of dates and numbers (`ar-EG-u-ca-gregory`, `fa-u-ca-gregory-nu-latn`). */
  locale: string;
  /** For the `t`, `formatNumber` and `formatDate` helpers (a symbol: templates cannot see it). */
  [LABELS]: Labels;
}

/** Picks and loads the briefing's template, resolves its options, plans the slides and renders the HTML. */
export async function renderBriefing(briefing: Briefing, context: RenderContext): Promise<RenderedDeck> {
  const { name, where } = chooseTemplate(briefing, context);
  const template = await context.registry.load(name).catch((error: unknown) => {
    throw locate(error, where);
  });
  const layers: OptionLayer[] = [];
  if (context.config?.options) layers.push(context.config.options);
  layers.push({ values: briefing.meta.options, file: briefing.file, lineOf: (key) => briefing.lines.options[key] });
  const options = resolveOptions(template, layers);
  const labels = briefingLabels(briefing.meta, context.config);
  const slides = planSlides(briefing, {
    maxItemsPerSlide: template.manifest.maxItemsPerSlide,
    maxTableRowsPerSlide: template.manifest.maxTableRowsPerSlide,
    labels,
  });
  return {
    briefing,
    template,
    slides,
    options: options.values,
    html: renderDeck(briefing, slides, template, options.values, labels),
    media: [...options.media, ...briefing.media],
    contrast: checkContrast(template, options.values, layers),
    labels,
    marking: briefingMarking(briefing.meta, labels, template.manifest.markings),
  };
}

/** --template, then the front matter's `template:`, then the config's, then `default`. */
function chooseTemplate(briefing: Briefing, context: RenderContext): { name: string; where?: Location } {
  if (context.template) return { name: context.template };
  if (briefing.meta.template)
    return { name: briefing.meta.template, where: { file: briefing.file, line: briefing.lines.template } };
  const fromConfig = context.config?.template;
  if (fromConfig && context.config?.file)
    return { name: fromConfig.name, where: { file: context.config.file, line: fromConfig.line } };
  return { name: 'default' };
}

/**
 * Model → HTML. Pure: same input, same string; no I/O apart from reading
 * reveal's notes plugin once per process (for the Content-Security-Policy,
 * which is added here rather than in the layout so that every template gets it).
 */
export function renderDeck(
  briefing: Briefing,
  slides: Slide[],
  template: Template,
  options: Record<string, unknown>,
  labels: Labels = briefingLabels(briefing.meta),
): string {
  checkSlidePartials(slides, template);
  const policy = installedDeckPolicy();
  const sizes = template.manifest.sizes;
  const size = sizes[String(options.size)] ?? Object.values(sizes)[0]!;
  const data: DeckData = {
    meta: briefing.meta,
    slug: briefing.slug,
    options,
    slides,
    marking: briefingMarking(briefing.meta, labels, template.manifest.markings),
    assets: ASSET_URLS,
    size,
    labels: labels.all,
    locale: labels.locale,
    [LABELS]: labels,
    reveal: {
      // Presenter defaults; the briefing's `reveal:` block may change them.
      hash: true, // the URL names the slide, so a reload (live reload too) stays on it
      controls: true,
      progress: true,
      slideNumber: false, // the template prints its own "n / total" on every slide and page
      transition: 'fade',
      navigationMode: 'linear',
      ...briefing.meta.reveal,
      // Layout belongs to the template.
      width: size.width,
      height: size.height,
      margin: 0,
      center: false,
      // The arrows in the side margins, at mid-height: in reveal's bottom-right corner they cover the
      // slide number and sit on the bottom marking banner. The back arrow as strong as the forward one:
      // reveal's faded one (30% opacity) is an active control below WCAG 1.4.11's 3:1
      // (test/e2e/accessibility.test.ts).
      controlsLayout: 'edges',
      controlsBackArrows: 'visible',
      // Print view: one page per slide with every fragment shown.
      pdfSeparateFragments: false,
      pdfMaxPagesPerSlide: 1,
      pdfPageHeightOffset: -1,
    },
  };
  try {
    // The policy goes first in the head, before the labels' JSON block: it applies from there on.
    return withContentSecurityPolicy(withRuntimeLabels(template.layout(data), labels), policy);
  } catch (error) {
    if (error instanceof BriefdeckError) throw error;
    const message = error instanceof Error ? error.message : String(error);
    throw new TemplateError(
      `template "${template.name}" failed to render: ${message.split('\n')[0]}`,
      'check the fields and partials it uses',
      {
        file: template.chain[0]!,
      },
      { cause: error },
    );
  }
}

/**
 * A template made before briefing types may have no partial for an option, a judgments or a legend
 * slide (the registry requires those only of the kinds every deck can have): said when a deck needs one.
 */
function checkSlidePartials(slides: Slide[], template: Template): void {
  const missing = slides.find((slide) => !template.sources.partials[slide.kind]);
  if (!missing) return;
  throw new TemplateError(
    `template "${template.name}" has no partial for slide kind "${missing.kind}", which slide ${missing.number} ("${missing.label}") needs`,
    `add partials/${missing.kind}.hbs (\`briefdeck template eject default\` shows the built-in one), or extend "default"`,
    { file: template.chain[0]! },
  );
}

/** A template problem caused by a name in front matter or config is reported at that line. */
function locate(error: unknown, where: Location | undefined): unknown {
  if (where && error instanceof TemplateError && !error.location) {
    return new TemplateError(error.what, error.hint, where, { cause: error });
  }
  return error;
}
