import { createHash } from 'node:crypto';
import path from 'node:path';
import { BriefdeckError, ContentError } from '../errors.js';
import { addsSourcesSlide, anchorLinkWarnings, SOURCES_SLIDE_ID, TITLE_SLIDE_ID } from './anchors.js';
import { decodeText } from './decode.js';
import { readRegularFile } from '../files.js';
import { parseFrontMatter } from './frontmatter.js';
import { checkFileSize, fileSizeError, LIMITS } from './limits.js';
import { withoutControlCharacters } from './source-text.js';
import { ContentMarkdown } from './markdown.js';
import { ContentFiles } from './media.js';
import type { Briefing, BriefingMeta, Section, Warning } from './model.js';
import { MAX_SLUG_LENGTH, validateFrontMatter } from './schema.js';
import { parseSections, REQUIRED_SECTIONS } from './sections.js';
import { missingSectionError } from './missing-section.js';

export interface ParsedBriefing {
  briefing: Briefing;
  warnings: Warning[];
}

/** Reads and parses one content file. */
export async function readBriefing(file: string): Promise<ParsedBriefing> {
  return parseBriefing(await readContentText(file), file);
}

/**
 * The slug a content file's deck gets, from its front matter and file name alone (the sections are
 * not parsed): what `build --shard` assigns a briefing by. A file whose front matter cannot be read
 * gets the slug of its file name, so that exactly one shard builds it and reports its error.
 */
export async function readSlug(file: string): Promise<string> {
  try {
    const text = normalised(await readContentText(file));
    const { meta, slug } = validateFrontMatter(parseFrontMatter(text, file).frontMatter, file);
    return slugFor(file, slug, meta.title);
  } catch (error) {
    if (!(error instanceof BriefdeckError)) throw error;
    return slugFor(file);
  }
}

async function readContentText(file: string): Promise<string> {
  // The size is checked before reading (and while reading: /proc files say 0), so that a huge file is never read into memory.
  const bytes = await readRegularFile(file, {
    as: ContentError,
    noun: 'content file',
    maxBytes: LIMITS.fileBytes,
    tooLarge: (size) => fileSizeError(size, file),
  });
  return decodeText(bytes, file);
}

/** Without a byte-order mark, with \n line ends and no control characters: the text the parsers expect. */
function normalised(source: string): string {
  return withoutControlCharacters(source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
}

/** The `slug:` of the front matter, else one from the file name, else from the title. */
function slugFor(file: string, slug?: string, title = ''): string {
  return slug ?? fileSlug(path.basename(file, path.extname(file))) ?? slugify(title) ?? 'briefing';
}

/**
 * Parses content text into a validated Briefing. The file system is read only
 * for the images and links the markdown names, which are checked against the
 * folder of `file` (content/media.ts).
 */
export function parseBriefing(source: string, file: string): ParsedBriefing {
  checkFileSize(Buffer.byteLength(source), file);
  const text = normalised(source);
  const { frontMatter, body, bodyLine } = parseFrontMatter(text, file);
  const { meta, slug, lines, warnings } = validateFrontMatter(frontMatter, file);
  const files = new ContentFiles(file);
  const parsed = parseSections(body, bodyLine, file, new ContentMarkdown(files), meta.lang);
  const sections = parsed.sections;
  warnings.push(...parsed.warnings, ...files.warnings, ...checkSections(sections, file, bodyLine, meta));
  const anchors = [
    TITLE_SLIDE_ID,
    ...sections.map((section) => section.id),
    ...(addsSourcesSlide(meta, sections) ? [SOURCES_SLIDE_ID] : []),
  ];
  warnings.push(...anchorLinkWarnings(files.anchorLinks, anchors, file));
  return {
    briefing: {
      file,
      slug: slugFor(file, slug, meta.title),
      meta,
      sections,
      lines,
      media: files.media,
    },
    warnings,
  };
}

/** Throws for a missing or repeated section; an empty one is an error, or a warning in a draft. */
function checkSections(sections: Section[], file: string, bodyLine: number, meta: BriefingMeta): Warning[] {
  const { draft } = meta;
  const warnings: Warning[] = [];
  const seen = new Map<string, Section>();
  for (const section of sections) {
    if (section.kind === 'generic') continue;
    const first = seen.get(section.kind);
    if (first) {
      throw new ContentError(
        `a second ${section.kind} section ("${section.heading}")`,
        `merge it into "${first.heading}" at line ${first.line}`,
        { file, line: section.line },
      );
    }
    seen.set(section.kind, section);
  }
  if (meta.type === 'information') refuseRecommendations(seen, file);
  const lastLine = sections.length ? sections[sections.length - 1]!.line : bodyLine;
  for (const kind of REQUIRED_SECTIONS[meta.type]) {
    const section = seen.get(kind);
    if (!section) {
      const of = meta.type === 'decision' && DECISION_SECTIONS.has(kind) ? 'of a decision briefing' : '';
      throw missingSectionError(kind, sections, { file, line: lastLine }, meta.lang, of);
    }
    if (isEmpty(section, kind) && draft) {
      warnings.push({
        file,
        line: section.line,
        message: `the "${section.heading}" section is empty (allowed while \`draft: true\`)`,
      });
    } else if (isEmpty(section, kind)) {
      throw new ContentError(`the "${section.heading}" section is empty`, EMPTY_HINTS[kind] ?? EMPTY_HINTS.other!, {
        file,
        line: section.line,
      });
    }
  }
  return warnings;
}

/** What only a decision briefing requires: its errors say so. */
const DECISION_SECTIONS = new Set<string>(['options', 'recommendation']);

const EMPTY_HINTS: Record<string, string> = {
  recommendations: 'list the recommendations as `1. …` or `- …` items',
  options:
    'write each option as a `### Title` sub-section, with its pros, cons and cost as `- Pro: …`, `- Con: …`, `- Cost: …` items',
  other: 'write at least one paragraph or bullet',
};

/** An information briefing recommends nothing: neither the source author's recommendations nor the briefer's own. */
function refuseRecommendations(seen: Map<string, Section>, file: string): void {
  const section = seen.get('recommendations') ?? seen.get('recommendation');
  if (!section) return;
  throw new ContentError(
    `an information briefing carries no recommendations ("## ${section.heading}")`,
    "remove the section, or set `type: article` (the author's) or `type: decision` (yours)",
    { file, line: section.line },
  );
}

function isEmpty(section: Section, kind: string): boolean {
  if (kind === 'recommendations') return section.items.length === 0;
  if (kind === 'options') return section.subsections.length === 0;
  return !section.lead && section.items.length === 0 && !section.rest && section.subsections.length === 0;
}

/**
 * A content file's slug from its name: slugify(), plus `-` and 6 hex digits of
 * the name's hash when letters or digits outside ASCII were dropped, so that
 * names in other scripts (تقرير.md, تحليل.md, Вход.md) stay apart and stable
 * instead of all falling back to "briefing". (No transliteration library is
 * installed, and a transliteration of Arabic or Chinese would be a guess anyway.)
 */
export function fileSlug(name: string): string | undefined {
  const ascii = slugify(name);
  const dropped = /[\p{L}\p{N}]/u.test(
    name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[a-z0-9]/gi, ''),
  );
  if (!dropped) return ascii;
  const hash = createHash('sha256').update(name.normalize('NFC')).digest('hex').slice(0, 6);
  return `${ascii ?? 'briefing'}-${hash}`;
}

/** File name → URL- and file-safe slug (ASCII letters, digits, dashes); undefined when nothing is left. */
export function slugify(name: string): string | undefined {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
  return slug || undefined;
}
