import type { Warning } from '../content/model.js';
import type { RenderedDeck } from '../deck/render.js';
import type { Slide } from '../deck/slide.js';
import { InstallError } from '../errors.js';
import type { FontGap } from './fonts.js';

/** Characters named in one message at most; the rest are counted. */
const MAX_LISTED = 8;

/**
 * Reports the characters a deck's fonts cannot draw, at the slide and line
 * where each first appears: a warning when no font briefdeck knows draws them
 * (they print as boxes on a machine without a system font for them), an error
 * when an optional script font package that draws them is not installed.
 */
export function fontGapWarnings(rendered: RenderedDeck, gaps: FontGap[]): Warning[] {
  const file = rendered.briefing.file;
  const missing = gaps.find((gap) => gap.package);
  if (missing) {
    const char = String.fromCodePoint(missing.codePoints[0]!);
    const where = placeOf(char, rendered);
    throw new InstallError(
      `${where ? `${slideName(where.slide)}: ` : ''}${describe(char, missing.script)} needs the font package ${missing.package}, which is not installed`,
      `install it where briefdeck is installed: npm install ${missing.package}`,
      { file, line: where?.line },
    );
  }
  const bySlide = new Map<Slide | undefined, { line?: number; chars: string[] }>();
  for (const codePoint of gaps.flatMap((gap) => gap.codePoints)) {
    const char = String.fromCodePoint(codePoint);
    const where = placeOf(char, rendered);
    const entry = bySlide.get(where?.slide) ?? { line: where?.line, chars: [] };
    entry.chars.push(char);
    bySlide.set(where?.slide, entry);
  }
  return [...bySlide].map(([slide, { line, chars }]) => {
    const listed = chars
      .slice(0, MAX_LISTED)
      .map((char) => describe(char))
      .join(', ');
    const more = chars.length > MAX_LISTED ? ` and ${chars.length - MAX_LISTED} more` : '';
    return {
      file,
      line,
      message: `${slide ? `${slideName(slide)}: ` : ''}no font can draw ${listed}${more} — it prints as a box where the reader's system has no font for it: write it another way, or use a template whose fonts draw it`,
    };
  });
}

function slideName(slide: Slide): string {
  return `slide ${slide.number} "${slide.label}"`;
}

/** The first slide showing `char`, and the line it comes from (its list item's when it is in one). */
function placeOf(char: string, rendered: RenderedDeck): { slide: Slide; line: number } | undefined {
  for (const slide of rendered.slides) {
    const item = slide.items.find((candidate) => candidate.html.includes(char));
    if (item) return { slide, line: item.line };
    if (slideText(slide, rendered).includes(char)) return { slide, line: slide.line };
  }
  return undefined;
}

/** A slide's text apart from its list items; the title slide shows the front matter too (the marking is on every slide, named at the first). */
function slideText(slide: Slide, rendered: RenderedDeck): string {
  const { meta } = rendered.briefing;
  const own = [
    slide.titleHtml,
    slide.leadHtml,
    slide.restHtml,
    slide.notesHtml,
    slide.quote?.html,
    slide.quote?.attributionHtml,
    JSON.stringify(slide.source ?? {}),
  ];
  if (slide.kind === 'title') own.push(meta.title, meta.subtitle, meta.author, meta.organization, meta.marking);
  return own.filter(Boolean).join('\n');
}

/** `"𠜎" (U+2070E, CJK Extension B)`. */
function describe(char: string, kind = kindOf(char)): string {
  const codePoint = char.codePointAt(0)!;
  return `"${char}" (U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}${kind ? `, ${kind}` : ''})`;
}

/** Blocks that say more than their script: CJK extensions no shipped CJK font covers, and private use. */
const BLOCKS: Array<[number, number, string]> = [
  [0x3400, 0x4dbf, 'CJK Extension A'],
  [0xe000, 0xf8ff, 'private use'],
  [0x20000, 0x2a6df, 'CJK Extension B'],
  [0x2a700, 0x2b73f, 'CJK Extension C'],
  [0x2b740, 0x2b81f, 'CJK Extension D'],
  [0x2b820, 0x2ceaf, 'CJK Extension E'],
  [0x2ceb0, 0x2ebef, 'CJK Extension F'],
  [0x2ebf0, 0x2ee5f, 'CJK Extension I'],
  [0x30000, 0x3134f, 'CJK Extension G'],
  [0x31350, 0x323af, 'CJK Extension H'],
  [0xf0000, 0x10ffff, 'private use'],
];

/** Scripts in use today that no shipped font draws, named in messages (Unicode script names). */
const SCRIPTS = [
  'Tibetan',
  'Mongolian',
  'Syriac',
  'Cherokee',
  'Canadian_Aboriginal',
  'Yi',
  'Tifinagh',
  'Nko',
  'Adlam',
  'Vai',
  'Javanese',
  'Balinese',
  'Sundanese',
  'Ol_Chiki',
  'Tai_Le',
  'New_Tai_Lue',
  'Tai_Tham',
  'Tai_Viet',
  'Cham',
  'Lisu',
  'Bamum',
  'Hanifi_Rohingya',
  'Chakma',
  'Meetei_Mayek',
  'Limbu',
  'Lepcha',
  'Samaritan',
  'Mandaic',
  'Coptic',
  'Han',
].map((name) => ({ name: name.replaceAll('_', ' '), pattern: new RegExp(`\\p{Script=${name}}`, 'u') }));

const CATEGORIES: Array<[RegExp, string]> = [
  [/\p{Cn}/u, 'unassigned'],
  [/\p{S}/u, 'symbol'],
  [/\p{P}/u, 'punctuation'],
  [/\p{M}/u, 'combining mark'],
];

function kindOf(char: string): string | undefined {
  const codePoint = char.codePointAt(0)!;
  return (
    BLOCKS.find(([start, end]) => codePoint >= start && codePoint <= end)?.[2] ??
    SCRIPTS.find((script) => script.pattern.test(char))?.name ??
    CATEGORIES.find(([pattern]) => pattern.test(char))?.[1]
  );
}
