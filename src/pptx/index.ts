/**
 * The PowerPoint output: the planned, rendered slides of a deck (the same
 * Slide[] its HTML shows, so the same order and pagination) as an editable
 * PPTX written with pptxgenjs: a slide master with one named layout per slide
 * kind (marking banners, footer, slide number), text in placeholders and text
 * boxes, lists as paragraphs, tables as tables, speaker notes, the template's
 * colours and fonts.
 *
 * look.ts (template → colours, fonts) · layouts.ts (master, layouts) ·
 * slides.ts (one writer per slide kind) · ../html-blocks.ts + text.ts (HTML
 * fields → paragraphs → runs) · flow.ts (placing blocks, the overflow
 * estimate) · package.ts (XML fixes, metadata, reproducible zip).
 */
import { loadPptxGenJS, type ThemeProps } from './pptxgenjs.js';
import type { Warning } from '../content/model.js';
import type { RenderedDeck } from '../deck/render.js';
import { buildDate } from '../source-date.js';
import { dataUrl, findMedia } from './flow.js';
import { frameFor, inch } from './geometry.js';
import { defineLayouts, layoutNames } from './layouts.js';
import { resolveLook } from './look.js';
import { finishPackage } from './package.js';
import { writeSlide } from './slides.js';
import { imageSize } from 'image-size';

export { LAYOUT_NAMES } from './layouts.js';

export interface PptxResult {
  bytes: Uint8Array;
  slides: number;
  /** Text estimated not to fit its box, per slide (PowerPoint lays text out itself: an estimate). */
  warnings: Warning[];
}

/** Deck → PPTX bytes. Reads nothing from disk: images come from the deck's checked media. */
export async function writePptx(deck: RenderedDeck): Promise<PptxResult> {
  const { briefing, template, options, slides } = deck;
  const { meta } = briefing;
  const PptxGen = await loadPptxGenJS();
  const pptx = new PptxGen();
  const sizes = template.manifest.sizes;
  const size = sizes[String(options.size)] ?? Object.values(sizes)[0]!;
  pptx.defineLayout({ name: 'briefdeck', width: inch(size.width), height: inch(size.height) });
  pptx.layout = 'briefdeck';
  pptx.rtlMode = meta.dir === 'rtl';
  pptx.title = meta.title;
  pptx.author = meta.author ?? '';
  pptx.company = meta.organization ?? '';
  pptx.subject = meta.subtitle ?? '';
  const look = resolveLook(template, options);
  pptx.theme = { headFontFace: look.fonts.display, bodyFontFace: look.fonts.body, lang: meta.lang } as ThemeProps;
  const frame = frameFor(size);
  const logoFile = typeof options.logo === 'string' ? findMedia(deck.media, options.logo) : undefined;
  const logo = logoFile ? { data: dataUrl(logoFile), ...dimensions(logoFile.contents), alt: '' } : undefined;
  const footer =
    typeof options.footer === 'string' && options.footer
      ? options.footer
      : `${meta.title}${meta.date ? ` · ${deck.labels.date(meta.date)}` : ''}`;
  defineLayouts(pptx, {
    frame,
    look,
    marking: deck.marking,
    footer,
    lang: meta.lang,
    rtl: meta.dir === 'rtl',
    labels: deck.labels,
    logo,
  });
  const layouts = layoutNames(deck.labels);
  const warnings: Warning[] = [];
  for (const slide of slides) {
    const overflow = writeSlide(
      { pptx, briefing, frame, look, media: deck.media, logo, labels: deck.labels, layouts },
      slide,
    );
    if (overflow > 0) {
      warnings.push({
        file: briefing.file,
        line: slide.line,
        message: `slide ${slide.number} "${slide.label}" may not fit in the PPTX (about ${overflow}px too tall): shorten it or split it`,
      });
    }
  }
  const raw = (await pptx.write({ outputType: 'uint8array', compression: false })) as Uint8Array;
  const bytes = await finishPackage(
    raw,
    {
      title: meta.title,
      author: meta.author,
      subject: meta.subtitle,
      keywords: meta.keywords,
      lang: meta.lang,
      date: buildDate(),
    },
    look.colours.accent,
  );
  return { bytes, slides: slides.length, warnings };
}

function dimensions(bytes: Uint8Array): { width: number; height: number } {
  const size = imageSize(bytes);
  return { width: size.width ?? 1, height: size.height ?? 1 };
}
