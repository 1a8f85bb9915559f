/**
 * The format flags of `build` and `serve`, defined once: one flag per format, as Marp CLI has
 * (--pdf/--no-pdf, --pptx, --handout [size], --png [--scale N] …), each with its own argument, adding to
 * the formats the config file's `formats:` lists (formats.ts).
 */
import { InvalidArgumentError, type Command } from 'commander';
import type { FormatOptions } from '../formats.js';
import type { HandoutSize } from '../pdf/handout.js';

export interface FormatFlags {
  pdf?: boolean;
  /** `true`: given without a size (the config's `paper:`, else A4). */
  handout?: HandoutSize | true;
  pptx?: boolean;
  singleFile?: boolean;
  png?: boolean;
  scale?: number;
  thumbnails?: boolean;
  contactSheet?: HandoutSize | true;
  script?: boolean;
}

/** Adds the format flags to `command` (`serve` makes the browser ones when they are first asked for). */
export function addFormatFlags(command: Command): Command {
  return command
    .option('--pdf', "write <slug>.pdf (the default, unless the config file's formats leave it out)")
    .option('--no-pdf', 'no PDF: the HTML decks only, and any other format asked for')
    .option('--pptx', `also write <slug>.pptx: the slides as an editable PowerPoint file (no browser needed)`)
    .option(
      '--handout [size]',
      `also write <slug>-handout.pdf: each slide with its notes (a4 or letter; default: the config's paper, else a4)`,
      parsePaper,
    )
    .option(
      '--single-file',
      `also write <slug>.html: the deck with every style, script, font and image inlined, to mail or open from a USB stick`,
    )
    .option('--png', `also write slides/01.png …: one PNG per slide (1280×720 for a 16:9 deck, times --scale)`)
    .option('--scale <n>', 'size of the --png images: 1 to 4 times the deck size (default 1)', parseScale)
    .option('--thumbnails', `also write thumbnails/01.png …: 320 px wide; the index page shows the title slide's`)
    .option(
      '--contact-sheet [size]',
      `also write <slug>-contact.pdf and .png: every slide, numbered, on landscape pages of up to 12 (a4 or letter)`,
      parsePaper,
    )
    .option(
      '--script',
      `also write <slug>-script.md: each slide's number, title, bullets and speaker notes, for rehearsal`,
    );
}

/**
 * The formats a build writes: the config file's `formats:` (else the PDF alone), plus each format flag
 * given on the command line, less the PDF with --no-pdf. A size-less --handout or --contact-sheet is on
 * the config's `paper:`.
 */
export async function formatsOf(flags: FormatFlags, command: Command, configFile?: string): Promise<FormatOptions> {
  const [{ loadConfig }, { formatOptions }] = await Promise.all([import('../config.js'), import('../formats.js')]);
  // A config that cannot be read is each briefing's error, reported by the build as before.
  const config = await loadConfig(process.cwd(), configFile).catch(() => undefined);
  const paper = config?.paper ?? 'a4';
  const formats = formatOptions(config?.formats ?? ['pdf'], { paper, scale: config?.scale });
  const given = (name: keyof FormatFlags) => command.getOptionValueSource(name) === 'cli';
  if (given('pdf')) formats.pdf = flags.pdf;
  if (given('handout')) formats.handout = flags.handout === true ? paper : flags.handout;
  if (given('contactSheet')) formats.contactSheet = flags.contactSheet === true ? paper : flags.contactSheet;
  for (const name of ['pptx', 'singleFile', 'png', 'thumbnails', 'script'] as const)
    if (given(name)) formats[name] = true;
  if (given('scale')) {
    if (!formats.png) command.error('error: --scale sets the size of the --png images: add --png');
    formats.scale = flags.scale;
  }
  return formats;
}

const PAPER_FLAGS = ['--handout', '--contact-sheet'];

/**
 * `--handout [a4|letter]`, `--contact-sheet [a4|letter]`: the next argument is its size only when it is a size.
 * Commander gives an option with an optional value whatever argument follows it,
 * so `build --handout content/x.md` took the path for the size (a usage error).
 * A --handout not followed by a size is therefore given an empty one before parsing (`--handout=`),
 * which parsePaper reads as "no size".
 */
export function withPaperSizes(argv: string[]): string[] {
  const command = argv.findIndex((arg) => arg === 'build' || arg === 'serve');
  const end = argv.indexOf('--');
  return argv.map((arg, i) =>
    PAPER_FLAGS.includes(arg) &&
    command >= 0 &&
    i > command &&
    (end < 0 || i < end) &&
    !/^(?:a4|letter)$/i.test(argv[i + 1] ?? '')
      ? `${arg}=`
      : arg,
  );
}

/** A size, or undefined for none (`--handout=`: commander then sets the flag to true). */
function parsePaper(value: string): HandoutSize | undefined {
  if (value === '') return undefined;
  const size = value.toLowerCase();
  if (size !== 'a4' && size !== 'letter') throw new InvalidArgumentError('a4 or letter');
  return size;
}

function parseScale(value: string): number {
  const scale = Number(value);
  if (!Number.isFinite(scale) || scale < 1 || scale > 4) throw new InvalidArgumentError('a number from 1 to 4, e.g. 2');
  return scale;
}
