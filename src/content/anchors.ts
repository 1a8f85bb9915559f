import { plainText } from '../html-text.js';
import { closest } from '../did-you-mean.js';
import { type BriefingMeta, NAMED_SECTION_KINDS, type Section, type SectionKind, type Warning } from './model.js';

/*
 * Links inside a deck: `[see the sources](#sources)`. The first slide of every `##` section carries
 * an id (deck/plan.ts puts it on the slide, the layout on its <section>): reveal.js navigates to it
 * when the link is clicked (its click handler and `#/<id>` URLs), and Chromium makes the link an
 * internal link to that page in the PDF. The sections briefdeck knows are named by their kind
 * whatever their heading says (`#summary` for "## Bottom line" too), so links survive a reworded
 * heading; any other section by its heading, as GitHub names headings. The title slide is `#top`,
 * which HTML itself reads as the top of the page.
 */

/** What a link inside the deck was written as, where (content/media.ts collects them while checking links). */
export interface AnchorLink {
  /** The href as the browser reads it (character references decoded), starting with `#`. */
  target: string;
  /** The href as written, for messages. */
  shown: string;
  line: number;
}

/** The ids the runtime and printer use in a deck (templates/README.md, "Reserved"): a section heading never takes one. */
const RESERVED_PREFIX = 'briefdeck-';

/**
 * The id of each section's first slide, in order: its kind for the sections briefdeck knows (at most
 * one of each), else the slug of its heading; unique in the deck (`-2`, `-3` … after a repeat).
 */
export function sectionAnchors(sections: readonly Pick<Section, 'kind' | 'title'>[]): string[] {
  // Every kind's id is taken even when the briefing has no such section: a heading never gets
  // `sources`, which the deck's own sources slide may need, nor the title slide's `top`.
  const taken = new Set<string>([TITLE_SLIDE_ID, ...NAMED_SECTION_KINDS]);
  return sections.map((section) => {
    if (section.kind !== 'generic') return section.kind;
    const base = headingSlug(plainText(section.title));
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    taken.add(id);
    return id;
  });
}

/**
 * A heading as an id, as GitHub names headings: lower case, letters (any script), marks, digits,
 * `_` and `-` kept, spaces as `-`, other punctuation dropped ("For the Taliban's credibility" →
 * `for-the-talibans-credibility`). Not the file-name slug (parse.ts slugify): an id may hold any
 * letter. A heading left with no letter, only digits (reveal.js reads `#2026` as slide 2026) or a
 * name in briefdeck's own `briefdeck-` namespace is prefixed `section-`.
 */
export function headingSlug(heading: string): string {
  const slug = heading
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}_\s-]/gu, '')
    .trim()
    .replace(/\s+/g, '-');
  if (!slug) return 'section';
  return /^[0-9]*$/.test(slug) || slug.startsWith(RESERVED_PREFIX) ? `section-${slug}` : slug;
}

/** Whether the deck adds a sources slide of its own: the front matter cites a source and no section is the sources. */
export function addsSourcesSlide(
  meta: Pick<BriefingMeta, 'source'>,
  sections: readonly Pick<Section, 'kind'>[],
): boolean {
  return Boolean(meta.source) && !sections.some((section) => section.kind === 'sources');
}

/** The id of that slide. */
export const SOURCES_SLIDE_ID: Exclude<SectionKind, 'generic'> = 'sources';

/** The title slide's id: `#top`, the top of the page in HTML (a link there goes to the first slide). */
export const TITLE_SLIDE_ID = 'top';

/**
 * A warning at each link that would do nothing somewhere: to an id no slide has (with a "did you
 * mean" among the ids there are), and in reveal.js's own forms, `#/sources` and `#/3` (the fourth
 * slide), which reveal.js follows in the live deck but the PDF cannot (Chromium links only `#id`
 * to an element with that id); `#/3` also points elsewhere once slides are added or a list splits.
 */
export function anchorLinkWarnings(links: readonly AnchorLink[], anchors: readonly string[], file: string): Warning[] {
  const known = `the slides' ids: ${anchors.map((anchor) => `#${anchor}`).join(', ')} (see "Links inside a deck" in the README)`;
  const warnings: Warning[] = [];
  for (const { target, shown, line } of links) {
    const link = linkedSlide(target);
    let message: string | undefined;
    if (link.by === 'number') {
      message = `links a slide by its position, which works in the live deck only (not in the PDF) and points elsewhere once slides are added or a list is split — link the slide's section by its id; ${known}`;
    } else if (link.by === 'id' && !anchors.includes(link.id)) {
      const guess = closest(link.id, [...anchors]);
      message = `goes to no slide of this deck: no slide has the id "${link.id}" — ${guess ? `did you mean "#${guess}"? ` : ''}${known}`;
    } else if (link.by === 'id' && link.revealForm) {
      message = `is reveal.js's own form of a link, which works in the live deck only: the PDF has no link there — write "#${link.id}"`;
    }
    if (message) warnings.push({ file, line, message: `link ${shown} ${message}` });
  }
  return warnings;
}

/**
 * The slide a `#…` href names, as reveal.js reads it (location.js getIndicesFromHash): by id
 * (`#name`; in reveal.js's form `#/name`, `#/name/2` with a fragment), percent-decoded; by number
 * (`#/3`, `#/3/0`); or the first slide (`#`, `#/`), which the PDF has no link for either but which
 * goes nowhere wrong.
 */
function linkedSlide(target: string): { by: 'id'; id: string; revealForm: boolean } | { by: 'number' | 'start' } {
  const name = target.replace(/^#\/?/, '');
  if (!name) return { by: 'start' };
  const [first = '', ...more] = name.split('/');
  if (/^[0-9]+$/.test(first)) return { by: 'number' };
  const withFragment = more.length > 0 && more.every((part) => /^-?\d*$/.test(part));
  let id = withFragment ? first : name;
  try {
    id = decodeURIComponent(id);
  } catch {
    // not percent-encoding after all: the id as written
  }
  return { by: 'id', id, revealForm: target.startsWith('#/') || withFragment };
}
