import type { BriefingMeta } from './model.js';
import { TLP_LABELS } from './schema.js';
import type { Labels } from '../labels/index.js';

/** A banner's colours: its background and the colour of its text, as `#rrggbb`. */
export interface BannerColours {
  background: string;
  text: string;
}

/** One entry of a template's `markings` (template.json): the banner whose whole text, or first `//` segment, is `match`. */
export interface MarkingColours extends BannerColours {
  match: string;
}

/** A briefing's marking as templates, the index page, the PDF banners and the PPTX draw it. */
export interface Marking {
  text: string;
  /** Also show the "DRAFT – generated from source" notice (front matter `draft: true`). */
  draft: boolean;
  /** That notice in the briefing's language (label `draftNotice`), for banners drawn outside a template; set for a draft by briefingMarking. */
  draftNotice?: string;
  /**
   * What the marking is, for templates' CSS: `tlp tlp-amber-strict` for TLP 2.0 labels,
   * `classification classification-secret` (… `-top-secret-sci`) for a US classification banner line,
   * `mapped` for one the template's `markings` colour; empty for free text.
   */
  className: string;
  /** The banner's own colours; absent for free text, which takes the template's (`--marking-bg`, `--marking-ink`). */
  colours?: BannerColours;
  /**
   * The colours as the custom properties a template's banner reads (`--marking-bg: …; --marking-ink: …`), for its
   * style attribute; absent for TLP labels (the templates' CSS colours them by class) and free text.
   */
  style?: string;
}

/**
 * FIRST's TLP 2.0 label colours (text on black), by the class markingOf gives
 * each label: https://www.first.org/tlp/ ("TLP colors in RGB"). Templates carry
 * the same values in their CSS; this copy serves what is drawn outside a template.
 */
const TLP_COLOURS: Record<string, string> = {
  'tlp-red': '#ff2b2b',
  'tlp-amber': '#ffc000',
  'tlp-amber-strict': '#ffc000',
  'tlp-green': '#33ff00',
  'tlp-clear': '#ffffff',
};

export type Classification = 'unclassified' | 'cui' | 'confidential' | 'secret' | 'top-secret' | 'top-secret-sci';

/**
 * The conventional colours of US classification banners. No regulation prescribes colours for a
 * banner line on screen (32 CFR 2001.20 and DoDM 5200.01 Vol. 2 prescribe only its text); the colours
 * people expect are those of the standard forms that mark each level:
 * - cover sheets SF 703 (TOP SECRET, orange), SF 704 (SECRET, red), SF 705 (CONFIDENTIAL, blue), and the
 *   media labels SF 706–708 and SF 710 (UNCLASSIFIED, green), SF 712 (SCI, yellow): 32 CFR 2001.80(d),
 *   https://www.ecfr.gov/current/title-32/subtitle-B/chapter-XX/part-2001/subpart-H/section-2001.80;
 * - CUI, purple: the CUI cover sheet and labels SF 901–903 (NARA, CUI Program Blog, 12 February 2019,
 *   https://isoo.blogs.archives.gov/2019/02/12/coversheets/).
 * The values are the ones US government user interfaces use for those forms' colours, with white or black
 * text, whichever contrasts (Astro UXDS, "Classification & Control Markings", the design system of US
 * Space Force ground systems: https://www.astrouxds.com/components/classification-markings/). Each pair
 * passes WCAG AA 4.5:1 (test/content/marking.test.ts measures them).
 */
export const CLASSIFICATION_COLOURS: Record<Classification, BannerColours> = {
  unclassified: { background: '#007a33', text: '#ffffff' },
  cui: { background: '#502b85', text: '#ffffff' },
  confidential: { background: '#0033a0', text: '#ffffff' },
  secret: { background: '#c8102e', text: '#ffffff' },
  'top-secret': { background: '#ff8c00', text: '#000000' },
  'top-secret-sci': { background: '#fce83a', text: '#000000' },
};

/**
 * The classification a banner line's first `//` segment names, written in capitals as the marking guidance
 * writes it (ISOO, "Marking Classified National Security Information"; the CUI Marking Handbook). `CONTROLLED`
 * may stand for `CUI` (32 CFR 2002.20(b), the CUI banner's control marking). Anything else (`NATO SECRET`, `//GBR SECRET`, `Secret`) is
 * another scheme or free text.
 */
const LEVELS: Record<string, Classification> = {
  UNCLASSIFIED: 'unclassified',
  CUI: 'cui',
  CONTROLLED: 'cui',
  CONFIDENTIAL: 'confidential',
  SECRET: 'secret',
  'TOP SECRET': 'top-secret',
};

/**
 * The SCI control systems of the public CAPCO register (HCS, KLONDIKE, RESERVE, SI, TALENT KEYHOLE), and `SCI`
 * itself as unclassified examples write it: a TOP SECRET banner whose second segment lists only these (with
 * their compartments: `SI-G ABCD`, `HCS-P`) is TOP SECRET//SCI.
 */
const SCI_CONTROLS = new Set(['SCI', 'HCS', 'KDK', 'RSV', 'SI', 'TK']);

/** The US classification of a banner line (`SECRET//NOFORN` → secret), or undefined for any other marking. */
export function classificationOf(text: string): Classification | undefined {
  const [first = '', second] = text.split('//');
  const level = Object.hasOwn(LEVELS, first) ? LEVELS[first] : undefined;
  const sci = second?.split('/').every((control) => SCI_CONTROLS.has(control.split(/[-\s]/)[0]!));
  return level === 'top-secret' && sci ? 'top-secret-sci' : level;
}

/** The template's entry for a marking: one for its whole text first, else one for its first `//` segment. */
export function mappedColours(text: string, mapped: readonly MarkingColours[]): MarkingColours | undefined {
  const first = text.split('//')[0];
  return mapped.find((entry) => entry.match === text) ?? mapped.find((entry) => entry.match === first);
}

/**
 * Marking text is already validated (content/schema.ts). TLP 2.0 labels keep FIRST's colours; a template's
 * `markings` entry comes next, then a US classification banner line's conventional colours; anything else is
 * free text in the template's neutral colours. The text itself is never changed.
 */
export function markingOf(text: string, draft = false, mapped: readonly MarkingColours[] = []): Marking {
  const tlp = TLP_LABELS.includes(text) ? `tlp-${text.slice(4).toLowerCase().replace('+', '-')}` : undefined;
  if (tlp) return { text, draft, className: `tlp ${tlp}`, colours: { background: '#000000', text: TLP_COLOURS[tlp]! } };
  const entry = mappedColours(text, mapped);
  const classification = classificationOf(text);
  const colours = entry
    ? { background: entry.background, text: entry.text }
    : classification && CLASSIFICATION_COLOURS[classification];
  if (!colours) return { text, draft, className: '' };
  return {
    text,
    draft,
    className: entry ? 'mapped' : `classification classification-${classification}`,
    colours,
    style: `--marking-bg: ${colours.background}; --marking-ink: ${colours.text}`,
  };
}

/** The marking as one line of text, after the draft notice when there is one (banners drawn outside a template, the speaker script). */
export function markingBanner(marking: Marking, separator = '   '): string {
  return [marking.draft ? marking.draftNotice : '', marking.text].filter(Boolean).join(separator);
}

/**
 * A briefing's marking (and draft notice, in its language), or undefined when it has neither;
 * `mapped`: its template's `markings`.
 */
export function briefingMarking(
  meta: BriefingMeta,
  labels: Labels,
  mapped: readonly MarkingColours[] = [],
): Marking | undefined {
  if (!meta.marking && !meta.draft) return undefined;
  const marking = markingOf(meta.marking ?? '', meta.draft, mapped);
  return meta.draft ? { ...marking, draftNotice: labels.text('draftNotice') } : marking;
}

/** White on slate: a free-text marking drawn outside a template (PDF margins, handout, contact sheet, index page), as the default template draws it. */
export const NEUTRAL_BANNER: BannerColours = { background: '#3d4a63', text: '#ffffff' };

/** The colours of a marking drawn outside a template. */
export function bannerColours(marking: Marking): BannerColours {
  return marking.colours ?? NEUTRAL_BANNER;
}
