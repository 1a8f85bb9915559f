/**
 * Where things sit on a PPTX slide, in the deck's CSS pixels (templates/default/theme.css):
 * PowerPoint works in inches, and the deck's 1280×720 is 13.333×7.5 in at 96 px per inch,
 * PowerPoint's own widescreen size. Font sizes: 1 CSS px is 0.75 pt.
 */
export const PX_PER_INCH = 96;

export const inch = (px: number): number => Math.round((px / PX_PER_INCH) * 1000) / 1000;
export const pt = (px: number): number => Math.round(px * 0.75 * 10) / 10;

export interface Frame {
  width: number;
  height: number;
  /** Marking banners, top and bottom (`--banner-height`). */
  banner: number;
  /** Left and right padding (`--pad-x`). */
  padX: number;
  /** The text frame's top and bottom (`.slide__frame` inset). */
  top: number;
  bottom: number;
  /** The footer line and text (`.slide__footer`). */
  footerTop: number;
  /** Heading: kicker, title box and the accent rule under it. */
  kicker: { y: number; h: number };
  title: { y: number; h: number };
  rule: number;
  body: { y: number; h: number };
}

export function frameFor(size: { width: number; height: number }): Frame {
  const banner = 30;
  const top = banner + 40;
  const bottom = size.height - (banner + 58);
  const footerTop = size.height - banner - 16 - 30;
  // Room for two lines of title above the rule; the title sits on the rule (bottom-aligned), as in the deck.
  const title = { y: top - 10, h: 108 };
  const rule = title.y + title.h + 4;
  const bodyY = rule + 22;
  return {
    width: size.width,
    height: size.height,
    banner,
    padX: 72,
    top,
    bottom,
    footerTop,
    // Above the title's first line (slides.ts moves it down over a one-line title).
    kicker: { y: banner + 8, h: 28 },
    title,
    rule,
    body: { y: bodyY, h: bottom - bodyY },
  };
}

/** Type sizes in CSS px, as the default theme sets them. */
export const TYPE = {
  title: 46,
  kicker: 19,
  body: 27,
  lead: 28,
  list: 25,
  small: 20,
  quote: 46,
  attribution: 24,
  footer: 16,
  marking: 17,
  deckTitle: 66,
  subtitle: 29,
  byline: 22,
  source: 18,
} as const;
