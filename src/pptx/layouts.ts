import type { SlideMasterProps, SlideNumberProps, Pptx } from './pptxgenjs.js';
import { type Marking, markingBanner } from '../content/marking.js';
import type { SlideKind } from '../deck/slide.js';
import { type Frame, TYPE, inch, pt } from './geometry.js';
import type { PptxLook } from './look.js';
import { type LabelKey, Labels } from '../labels/index.js';

/** The named layouts of the slide master, by the slide kind that uses each; a slide added in PowerPoint picks one by name. */
type MasterObject = NonNullable<SlideMasterProps['objects']>[number];

/** The slide kinds with a layout of their own; the others are made on one of these (LAYOUT_OF). */
type LayoutKind = Exclude<SlideKind, 'option' | 'recommendation' | 'judgments' | 'legend'>;

const LAYOUT_LABELS: Record<LayoutKind, LabelKey> = {
  title: 'layoutTitle',
  summary: 'bottomLine',
  implication: 'layoutImplication',
  recommendations: 'layoutRecommendations',
  quote: 'layoutQuote',
  sources: 'sources',
  generic: 'layoutContent',
};

/** The layout each slide kind is made on: an option, the key judgments and their legend are content slides. */
const LAYOUT_OF: Record<SlideKind, LayoutKind> = {
  title: 'title',
  summary: 'summary',
  implication: 'implication',
  recommendations: 'recommendations',
  quote: 'quote',
  sources: 'sources',
  generic: 'generic',
  option: 'generic',
  judgments: 'generic',
  legend: 'generic',
  recommendation: 'recommendations',
};

/** The name of the layout of each slide kind, in the briefing's language (PowerPoint shows them in its layout menu). */
export function layoutNames(labels: Labels): Record<SlideKind, string> {
  const names = Object.entries(LAYOUT_OF).map(([kind, layout]) => [kind, labels.text(LAYOUT_LABELS[layout])]);
  return Object.fromEntries(names) as Record<SlideKind, string>;
}

/** The English names: those of an English briefing's PowerPoint file. */
export const LAYOUT_NAMES = layoutNames(new Labels({ lang: 'en' }));

export interface MasterContext {
  frame: Frame;
  look: PptxLook;
  marking?: Marking;
  /** The footer text (the `footer` option, or the title and date). */
  footer: string;
  lang: string;
  rtl: boolean;
  /** The briefing's words: the layouts' names and placeholder prompts. */
  labels: Labels;
  /** The logo as a data URL, with its size in px, when the template's `logo` option is set. */
  logo?: { data: string; width: number; height: number; alt: string };
}

/** The deck title's box on the title slide: its text ends at the box's bottom, the byline follows. */
export const TITLE_BOX = {
  /** After the accent rule: on the left, or (right to left) clear of it on the right. */
  x: (frame: Frame, rtl: boolean) => frame.padX + (rtl ? 0 : 50),
  y: (frame: Frame) => Math.round(frame.height * 0.5) - 170,
  w: (frame: Frame) => frame.width - 2 * frame.padX - 50,
  h: 170,
};

/** Placeholder names the slide writers fill. */
export const PLACEHOLDER = { title: 'title', body: 'body' } as const;

/**
 * Defines one layout per slide kind. Every layout carries the marking banners
 * (TLP 2.0 colours on black, as the deck draws them), and all but the title
 * layout the footer, its rule and PowerPoint's slide-number field, so that a
 * slide added in PowerPoint gets them too.
 */
export function defineLayouts(pptx: Pptx, context: MasterContext): void {
  for (const [kind, key] of Object.entries(LAYOUT_LABELS) as [LayoutKind, LabelKey][]) {
    const title = context.labels.text(key);
    const isTitle = kind === 'title';
    const { colours } = context.look;
    pptx.defineSlideMaster({
      title,
      background: { color: isTitle ? colours.titleBg : colours.paper },
      objects: [...placeholders(kind, context), ...(isTitle ? [] : footer(context)), ...banners(context)],
      slideNumber: slideNumber(context, isTitle),
    });
  }
}

function placeholders(kind: LayoutKind, { frame, look, lang, rtl, labels }: MasterContext): MasterObject[] {
  const { colours, fonts } = look;
  const x = inch(frame.padX);
  const w = inch(frame.width - 2 * frame.padX);
  const align = rtl ? 'right' : 'left';
  if (kind === 'title') {
    return [
      {
        placeholder: {
          options: {
            name: PLACEHOLDER.title,
            type: 'title',
            x: inch(TITLE_BOX.x(frame, rtl)),
            y: inch(TITLE_BOX.y(frame)),
            w: inch(TITLE_BOX.w(frame)),
            h: inch(TITLE_BOX.h),
            fontFace: fonts.display,
            fontSize: pt(TYPE.deckTitle),
            color: colours.titleInk,
            valign: 'bottom',
            align,
            lang,
          },
          text: labels.text('clickToAddTitle'),
        },
      },
    ];
  }
  // The Quote layout has no heading: its body is the whole frame, less the quote's own side padding.
  const bodyBox =
    kind === 'quote'
      ? { x: frame.padX + 40, y: frame.top, w: frame.width - 2 * frame.padX - 80, h: frame.bottom - frame.top }
      : { x: frame.padX, y: frame.body.y, w: frame.width - 2 * frame.padX, h: frame.body.h };
  const body: MasterObject = {
    placeholder: {
      options: {
        name: PLACEHOLDER.body,
        type: 'body',
        x: inch(bodyBox.x),
        y: inch(bodyBox.y),
        w: inch(bodyBox.w),
        h: inch(bodyBox.h),
        fontFace: fonts.body,
        fontSize: pt(TYPE.body),
        color: colours.ink,
        valign: kind === 'quote' ? 'middle' : 'top',
        align,
        lang,
      },
      text: labels.text('clickToAddText'),
    },
  };
  if (kind === 'quote') return [body];
  return [
    {
      placeholder: {
        options: {
          name: PLACEHOLDER.title,
          type: 'title',
          x,
          y: inch(frame.title.y),
          w,
          h: inch(frame.title.h),
          fontFace: fonts.display,
          fontSize: pt(TYPE.title),
          color: colours.ink,
          valign: 'bottom',
          align,
          lang,
        },
        text: labels.text('clickToAddTitle'),
      },
    },
    { line: { x, y: inch(frame.rule), w, h: 0, line: { color: colours.accent, width: 2.25 } } },
    body,
  ];
}

function footer({ frame, look, footer, lang, rtl, logo }: MasterContext): MasterObject[] {
  const x = inch(frame.padX);
  const w = inch(frame.width - 2 * frame.padX);
  const logoWidth = logo ? Math.min(120, (22 * logo.width) / logo.height) : 0;
  const objects: MasterObject[] = [
    { line: { x, y: inch(frame.footerTop), w, h: 0, line: { color: look.colours.rule, width: 0.75 } } },
  ];
  if (logo) {
    objects.push({
      image: {
        data: logo.data,
        x: inch(rtl ? frame.width - frame.padX - logoWidth : frame.padX),
        y: inch(frame.footerTop + 6),
        w: inch(logoWidth),
        h: inch(22),
        altText: logo.alt,
      },
    });
  }
  objects.push({
    text: {
      text: footer,
      options: {
        x: inch(frame.padX + (rtl ? 140 : logoWidth + (logo ? 12 : 0))),
        y: inch(frame.footerTop + 4),
        w: inch(frame.width - 2 * frame.padX - 140 - logoWidth),
        h: inch(28),
        margin: 0,
        fontFace: look.fonts.body,
        fontSize: pt(TYPE.footer),
        color: look.colours.muted,
        align: rtl ? 'right' : 'left',
        valign: 'middle',
        lang,
        rtlMode: rtl,
      },
    },
  });
  return objects;
}

/** Top and bottom banners: the marking (and the draft notice), centred, in the marking's colours. */
function banners({ frame, look, marking }: MasterContext): MasterObject[] {
  if (!marking) return [];
  const own = marking.colours;
  const pptxColour = (hex: string) => hex.slice(1).toUpperCase();
  const text = markingBanner(marking);
  const banner = (y: number) => ({
    text: {
      text,
      options: {
        x: 0,
        y: inch(y),
        w: inch(frame.width),
        h: inch(frame.banner),
        margin: 0,
        // Its own colours (TLP, a classification, the template's `markings`), or the template's neutral ones.
        fill: { color: own ? pptxColour(own.background) : look.colours.markingBg },
        color: own ? pptxColour(own.text) : look.colours.markingInk,
        fontFace: look.fonts.body,
        fontSize: pt(TYPE.marking),
        bold: true,
        charSpacing: 1,
        align: 'center' as const,
        valign: 'middle' as const,
      },
    },
  });
  return [banner(0), banner(frame.height - frame.banner)];
}

/** PowerPoint's slide-number field, where the deck prints "n / total" (a field renumbers slides added in PowerPoint). */
function slideNumber({ frame, look, rtl }: MasterContext, isTitle: boolean): SlideNumberProps {
  return {
    // At the end of the footer: the right, or the left in a right-to-left deck (as the deck's flex row mirrors).
    x: inch(rtl ? frame.padX : frame.width - frame.padX - 130),
    y: inch(frame.footerTop + 4),
    w: inch(130),
    h: inch(28),
    margin: 0,
    fontFace: look.fonts.body,
    fontSize: pt(TYPE.footer),
    color: isTitle ? look.colours.titleSoft : look.colours.muted,
    bold: true,
    align: rtl ? 'left' : 'right',
  };
}
