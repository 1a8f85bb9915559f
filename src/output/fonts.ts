import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { ASSET_URLS } from '../deck/asset-urls.js';
import type { Template } from '../deck/template/registry.js';
import { InstallError, TemplateError } from '../errors.js';
import type { Asset } from './assets.js';
import { woff2CodePoints, type CodePointSet } from './cmap.js';

const require = createRequire(import.meta.url);
const FONTS_DIR = path.posix.dirname(ASSET_URLS.fontsCss);

/** One @font-face rule of a @fontsource package, with its woff2 file and the code points it covers. */
export interface FontFace {
  family: string;
  style: string;
  weight: number;
  /** Absolute path of the woff2 file. */
  file: string;
  unicodeRange: string;
  ranges: Ranges;
}

/** Inclusive code point ranges. */
type Ranges = Array<[number, number]>;

/** A script font package briefdeck knows, and the subsets of it to use. */
interface ScriptPackage {
  package: string;
  /** The woff2 files (subsets) to use, by name. */
  subset: RegExp;
  /** Only these characters are taken from it. */
  only?: Ranges;
  /** The script, for messages: `"ส" (U+0E2A, Thai) needs …`. */
  name: string;
  /** Characters of that script: when the package is not installed, these are why a deck needs it. */
  needs: RegExp;
}

/** A script font package's faces (all subsets and weights), or none when the package is not installed. */
interface ScriptFont extends ScriptPackage {
  faces: FontFace[];
  installed: boolean;
}

/**
 * Noto families for the scripts a template's Latin fonts cannot draw: briefings
 * quote Arabic, Dari and Pashto sources, Hebrew, Chinese/Japanese/Korean names,
 * Hindi, Bengali, Tamil, Thai, Amharic, Khmer, … and emoji, and a missing font
 * shows boxes on a machine without system fonts. Listed in order of preference.
 * Only each family's own script subsets are used (Noto Sans Arabic also ships
 * Latin and symbol subsets we do not want).
 * Noto Sans SC draws Han and kana; its subsets' unicode-range also lists
 * hangul, which it does not draw (seen as boxes), so hangul comes from Noto
 * Sans KR, which is used for nothing else. Emoji are the
 * monochrome Noto Emoji: measured here, Chromium draws the colour (COLRv1)
 * Noto Color Emoji neither on screen headless nor in the PDF (reported
 * upstream as blank emoji in Puppeteer's PDFs,
 * https://github.com/puppeteer/puppeteer/issues/12304), while outline
 * glyphs print as vector text that pdftotext reads back.
 * None of them comes with briefdeck: they are optional peer dependencies
 * (package.json#peerDependenciesMeta), which npm does not install, because
 * together they weigh about 170 MB (Noto Sans SC 76 MB, KR 54 MB) that an
 * English-only install never uses; this repository has them as
 * devDependencies for its tests. They are looked up like a template's fonts
 * (packageDir: the user's project, then briefdeck's own). An install without
 * one still builds every deck that does not need it, and a deck that does gets
 * an error naming the package (`needs` tells which text needs it, without the
 * package at hand).
 */
const HANGUL: Ranges = [
  [0x1100, 0x11ff],
  [0x3130, 0x318f],
  [0xa960, 0xa97f],
  [0xac00, 0xd7ff],
];
const SCRIPT_FONTS: ScriptPackage[] = [
  {
    package: '@fontsource/noto-sans-arabic',
    subset: /^noto-sans-arabic-arabic-/,
    name: 'Arabic',
    needs: /\p{Script=Arabic}/u,
  },
  {
    package: '@fontsource/noto-sans-hebrew',
    subset: /^noto-sans-hebrew-hebrew-/,
    name: 'Hebrew',
    needs: /\p{Script=Hebrew}/u,
  },
  { package: '@fontsource/noto-emoji', subset: /^noto-emoji-\d+-/, name: 'emoji', needs: /\p{Extended_Pictographic}/u },
  {
    package: '@fontsource/noto-sans-kr',
    subset: /^noto-sans-kr-\d+-/,
    only: HANGUL,
    name: 'Korean',
    needs: /\p{Script=Hangul}/u,
  },
  {
    package: '@fontsource/noto-sans-sc',
    subset: /^noto-sans-sc-\d+-/,
    name: 'Chinese or Japanese',
    needs: /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u,
  },
  ...(
    [
      ['devanagari', 'Devanagari'],
      ['bengali', 'Bengali'],
      ['gurmukhi', 'Gurmukhi'],
      ['gujarati', 'Gujarati'],
      ['oriya', 'Oriya'],
      ['tamil', 'Tamil'],
      ['telugu', 'Telugu'],
      ['kannada', 'Kannada'],
      ['malayalam', 'Malayalam'],
      ['sinhala', 'Sinhala'],
      ['thai', 'Thai'],
      ['lao', 'Lao'],
      ['khmer', 'Khmer'],
      ['myanmar', 'Myanmar'],
      ['ethiopic', 'Ethiopic'],
      ['georgian', 'Georgian'],
      ['armenian', 'Armenian'],
      ['thaana', 'Thaana'],
    ] as const
  ).map(([script, name]) => ({
    package: `@fontsource/noto-sans-${script}`,
    subset: new RegExp(`^noto-sans-${script}-${script}-`),
    name,
    needs: new RegExp(`\\p{Script=${name}}`, 'u'),
  })),
  // Last: ✗, ☐ and other symbols that neither the template's fonts nor the CJK font (which has most arrows and shapes) draw.
  {
    package: '@fontsource/noto-sans-symbols-2',
    subset: /^noto-sans-symbols-2-symbols-/,
    name: 'symbols',
    needs: /[\u2190-\u21ff\u2300-\u23ff\u25a0-\u27bf\u2b00-\u2bff]/u,
  },
];
/** Regular and bold are enough for fallback text: a template's 600 maps to bold. */
const SCRIPT_WEIGHTS = [400, 700];

/**
 * Characters that are never drawn as a glyph of their own, so no font needs
 * to "draw" them: spaces, controls, format characters (ZWJ, ZWNJ, bidi marks)
 * and other default-ignorables (variation selectors, emoji tag characters):
 * HarfBuzz hides them when a font has no glyph for them.
 */
const INVISIBLE = /[\p{White_Space}\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/**
 * The invisible characters that join their neighbours into one cluster (ZWJ in
 * Sinhala ශ්‍රී and in emoji sequences, ZWNJ, variation selectors): a cluster is
 * drawn by one font, so a script font must also claim those it has a glyph for,
 * or the cluster falls apart (seen: ශ්රී with a visible virama, 👩‍💻 as boxes).
 */
const JOINER = /[\p{Cf}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Characters of a deck's text that it cannot draw, found when its fonts were
 * chosen: with `package`, because that optional script font package is not
 * installed; without, because no shipped or template font has them.
 */
export interface FontGap {
  codePoints: number[];
  package?: string;
  /** The package's script, e.g. "Thai". */
  script?: string;
}

/** The fonts of one deck: its fonts.css and font files. */
export interface DeckFonts {
  assets: Asset[];
  /**
   * A hash of the deck's fonts.css. Decks of one template differ in it when
   * their text needs different characters, so a print tab may be reused
   * between two decks only when this is the same.
   */
  key: string;
  gaps: FontGap[];
}

interface TemplateFonts {
  css: string;
  faces: FontFace[];
  files: Asset[];
}

const templateCache = new Map<string, Promise<TemplateFonts>>();
let scriptFonts: Promise<ScriptFont[]> | undefined;
const cmaps = new Map<string, Promise<CodePointSet>>();

/**
 * The template's fonts plus, for characters they cannot draw, script fonts
 * declared under the template's own family names with a `unicode-range`:
 * the browser then builds one composite font per family, so every template
 * (built-in or user) gets Arabic, CJK and emoji without naming them in its CSS.
 * Only the subsets this deck's text uses are copied (a CJK package is 76 MB).
 * What a font draws is read from its cmap, not only from the unicode-range
 * its @font-face claims; characters that no font draws are the `gaps`.
 */
export async function deckFonts(template: Template, html: string): Promise<DeckFonts> {
  const own = await templateFonts(template);
  const needed = await undrawnCodePoints(html, own.faces);
  const joiners = [...new Set(html)].filter((char) => JOINER.test(char)).map((char) => char.codePointAt(0)!);
  const { chosen, gaps } =
    needed.size > 0 ? await chooseScriptFaces(needed, joiners, await loadScriptFaces()) : { chosen: [], gaps: [] };
  const rules: string[] = [];
  const files = new Map<string, Asset>();
  const families = uniqueBy(own.faces, (face) => `${face.family}\0${face.style}\0${face.weight}`);
  for (const { faces, codePoints } of chosen) {
    // The rule claims exactly the characters this subset was chosen for, so it
    // never competes with the template's faces or another script font.
    const unicodeRange = formatUnicodeRange(codePoints);
    for (const face of families) {
      const source = nearestWeight(faces, face.weight);
      const name = path.basename(source.file);
      files.set(name, { to: `${FONTS_DIR}/${name}`, from: source.file });
      rules.push(
        fontFaceRule({ ...source, family: face.family, style: face.style, weight: face.weight, unicodeRange }, name),
      );
    }
  }
  const css = [...rules, own.css].join('\n');
  return {
    assets: [...own.files, ...files.values(), { to: ASSET_URLS.fontsCss, contents: css }],
    key: createHash('sha256').update(css).digest('hex').slice(0, 16),
    gaps,
  };
}

/** Parses the @font-face rules of a @fontsource CSS file (woff2 sources only). */
export function parseFontFaces(css: string, packageDir: string): FontFace[] {
  return css
    .split('@font-face')
    .slice(1)
    .flatMap((rule) => {
      const family = /font-family:\s*'([^']+)'/.exec(rule)?.[1];
      const file = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
      const unicodeRange = /unicode-range:\s*([^;]+);/.exec(rule)?.[1]?.trim() ?? 'U+0-10FFFF';
      if (!family || !file) return [];
      return [
        {
          family,
          style: /font-style:\s*(\w+)/.exec(rule)?.[1] ?? 'normal',
          weight: Number(/font-weight:\s*(\d+)/.exec(rule)?.[1] ?? 400),
          file: path.join(packageDir, 'files', file),
          unicodeRange,
          ranges: parseUnicodeRange(unicodeRange),
        },
      ];
    });
}

/** `U+0600-06FF,U+200C` → [[0x600, 0x6ff], [0x200c, 0x200c]]. */
export function parseUnicodeRange(value: string): Ranges {
  return value.split(',').map((part) => {
    const [start, end = start] = part.trim().replace(/^U\+/i, '').split('-') as [string, string?];
    return [parseInt(start, 16), parseInt(end, 16)];
  });
}

function covers(ranges: Ranges, codePoint: number): boolean {
  return ranges.some(([start, end]) => codePoint >= start && codePoint <= end);
}

/**
 * Whether the browser draws `codePoint` with `face`: the face's unicode-range
 * claims it and the font has a glyph for it. An invisible character needs no
 * glyph (the claim alone decides, as the browser's font matching does).
 */
async function draws(face: FontFace, codePoint: number): Promise<boolean> {
  if (!covers(face.ranges, codePoint)) return false;
  return INVISIBLE.test(String.fromCodePoint(codePoint)) || (await codePointsOf(face.file)).has(codePoint);
}

async function drawnByAny(faces: FontFace[], codePoint: number): Promise<boolean> {
  for (const face of faces) if (await draws(face, codePoint)) return true;
  return false;
}

/** Code points in the deck that none of the template's faces draws (ASCII always is). */
async function undrawnCodePoints(html: string, faces: FontFace[]): Promise<Set<number>> {
  const undrawn = new Set<number>();
  if (faces.length === 0) return undrawn; // no family to attach script fonts to
  for (const char of new Set(html)) {
    const codePoint = char.codePointAt(0)!;
    if (codePoint >= 0x80 && !(await drawnByAny(faces, codePoint))) undrawn.add(codePoint);
  }
  return undrawn;
}

/** The code points a woff2 file has glyphs for, read once per process. */
function codePointsOf(file: string): Promise<CodePointSet> {
  let set = cmaps.get(file);
  if (!set) {
    set = readFile(file).then(woff2CodePoints);
    cmaps.set(file, set);
    set.catch(() => cmaps.delete(file));
  }
  return set;
}

interface ChosenSubset {
  /** The subset's faces, one per weight. */
  faces: FontFace[];
  codePoints: number[];
}

/**
 * The script subsets that draw `needed`. A character goes to the first family
 * (in order of preference) that draws it, so Arabic text does not also pull
 * in a CJK subset whose range lists Arabic. A chosen subset also claims the
 * deck's `joiners` it has glyphs for. What none draws is a gap, named after
 * the missing package that would have drawn it, if any.
 */
async function chooseScriptFaces(
  needed: Set<number>,
  joiners: number[],
  packages: ScriptFont[],
): Promise<{ chosen: ChosenSubset[]; gaps: FontGap[] }> {
  const chosen: ChosenSubset[] = [];
  const left = new Set(needed);
  for (const { faces, only } of packages) {
    for (const subset of groupBy(faces, (face) => face.unicodeRange)) {
      const regular = nearestWeight(subset, 400);
      const codePoints: number[] = [];
      for (const codePoint of left) {
        if ((!only || covers(only, codePoint)) && (await draws(regular, codePoint))) codePoints.push(codePoint);
      }
      if (codePoints.length === 0) continue;
      for (const codePoint of codePoints) left.delete(codePoint);
      const glyphs = await codePointsOf(regular.file);
      const joining = joiners.filter(
        (codePoint) => !codePoints.includes(codePoint) && covers(regular.ranges, codePoint) && glyphs.has(codePoint),
      );
      chosen.push({ faces: subset, codePoints: [...codePoints, ...joining].sort((a, b) => a - b) });
    }
  }
  const visible = [...left]
    .filter((codePoint) => !INVISIBLE.test(String.fromCodePoint(codePoint)))
    .sort((a, b) => a - b);
  const missingFor = (codePoint: number) =>
    packages.find((font) => !font.installed && font.needs.test(String.fromCodePoint(codePoint)));
  const gaps = groupBy(visible, (codePoint) => missingFor(codePoint)?.package ?? '').map((codePoints) => {
    const font = missingFor(codePoints[0]!);
    return { codePoints, package: font?.package, script: font?.name };
  });
  return { chosen, gaps };
}

/** Sorted code points → `U+627-62A,U+644` (runs become ranges). */
export function formatUnicodeRange(codePoints: number[]): string {
  const parts: string[] = [];
  for (let i = 0; i < codePoints.length; ) {
    let j = i;
    while (j + 1 < codePoints.length && codePoints[j + 1] === codePoints[j]! + 1) j++;
    const hex = (n: number) => n.toString(16).toUpperCase();
    parts.push(i === j ? `U+${hex(codePoints[i]!)}` : `U+${hex(codePoints[i]!)}-${hex(codePoints[j]!)}`);
    i = j + 1;
  }
  return parts.join(',');
}

function nearestWeight(subset: FontFace[], weight: number): FontFace {
  return subset.reduce((best, face) => (Math.abs(face.weight - weight) < Math.abs(best.weight - weight) ? face : best));
}

function fontFaceRule(face: FontFace, url: string): string {
  return [
    '@font-face {',
    `  font-family: '${face.family}';`,
    `  font-style: ${face.style};`,
    `  font-weight: ${face.weight};`,
    '  font-display: swap;',
    `  src: url(${url}) format('woff2');`,
    `  unicode-range: ${face.unicodeRange};`,
    '}',
  ].join('\n');
}

/** Every script font package that is installed, with its faces; the others with none. */
function loadScriptFaces(): Promise<ScriptFont[]> {
  scriptFonts ??= Promise.all(
    SCRIPT_FONTS.map(async (font) => {
      const dir = installedPackageDir(font.package);
      if (!dir) return { ...font, faces: [], installed: false };
      try {
        // A family with one weight (Noto Sans Symbols 2) has no 700.css: the browser then draws bold from the regular.
        const sheets = await Promise.all(
          SCRIPT_WEIGHTS.map((weight) => readFile(path.join(dir, `${weight}.css`), 'utf8').catch(() => '')),
        );
        const faces = sheets
          .flatMap((css) => parseFontFaces(css, dir))
          .filter((face) => font.subset.test(path.basename(face.file)));
        if (faces.length === 0) throw new Error(`no ${font.subset} faces in ${dir}`);
        return { ...font, faces, installed: true };
      } catch (error) {
        throw new InstallError(
          `the font package ${font.package} in ${dir} is damaged`,
          // Found in the user's project or in briefdeck's own: npm keeps the entry's type (devDependency here).
          `reinstall it in that project: npm install ${font.package}`,
          undefined,
          { cause: error },
        );
      }
    }),
  );
  scriptFonts.catch(() => (scriptFonts = undefined)); // tried again on the next deck
  return scriptFonts;
}

/**
 * Fonts come from @fontsource packages, never from the network. Each weight's
 * CSS lists one woff2 file per Unicode subset (latin, cyrillic, greek, …); the
 * browser fetches only the subsets a page uses, so we copy them all and keep
 * only the woff2 sources.
 */
function templateFonts(template: Template): Promise<TemplateFonts> {
  const key = template.chain.join('\0');
  let fonts = templateCache.get(key);
  if (!fonts) {
    fonts = loadTemplateFonts(template);
    templateCache.set(key, fonts);
    fonts.catch(() => templateCache.delete(key));
  }
  return fonts;
}

async function loadTemplateFonts(template: Template): Promise<TemplateFonts> {
  const css: string[] = [];
  const faces: FontFace[] = [];
  const files: Asset[] = [];
  for (const font of template.manifest.fonts) {
    let dir: string;
    try {
      // A user template's font is the user's dependency: installed in their project, next to the template.
      dir = packageDir(font.package, template.chain);
    } catch (error) {
      throw new TemplateError(
        `font package ${font.package} is not installed`,
        `install it in your project: npm install ${font.package} (looked from the template's folder, from ${process.cwd()} and in briefdeck's own packages)`,
        {
          file: path.join(template.chain[0]!, 'template.json'),
        },
        { cause: error },
      );
    }
    const sheets = [...font.weights.map((w) => `${w}.css`), ...font.italic.map((w) => `${w}-italic.css`)];
    for (const sheet of sheets) {
      const source = await readFile(path.join(dir, sheet), 'utf8');
      faces.push(...parseFontFaces(source, dir));
      css.push(
        source.replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g, (_match, name: string) => {
          files.push({ to: `${FONTS_DIR}/${name}`, from: path.join(dir, 'files', name) });
          return `src: url(${name}) format('woff2');`;
        }),
      );
    }
  }
  return { css: css.join('\n'), faces, files };
}

/**
 * The folder of an installed package, looked up as Node would from each of
 * `from` (template folders), then from the working directory (the user's
 * project), then from briefdeck itself: briefdeck installed globally, linked
 * or run by npx does not see its user's node_modules otherwise.
 */
function packageDir(name: string, from: string[] = []): string {
  for (const dir of [...from, process.cwd()]) {
    try {
      // createRequire wants a file in the folder to resolve from; it need not exist.
      return path.dirname(createRequire(path.join(dir, 'noop.js')).resolve(name));
    } catch {
      // not there: the next place
    }
  }
  return path.dirname(require.resolve(name));
}

/** The package's folder, or undefined when it is not installed (an optional peer dependency not added). */
function installedPackageDir(name: string): string | undefined {
  try {
    return packageDir(name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

function groupBy<T>(items: T[], key: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    groups.set(k, [...(groups.get(k) ?? []), item]);
  }
  return [...groups.values()];
}

function uniqueBy<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}
