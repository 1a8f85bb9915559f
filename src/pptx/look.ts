import type { Template } from '../deck/template/registry.js';

/** The colours a PPTX needs, as `RRGGBB` (what pptxgenjs takes), read from the template's CSS variables. */
export interface PptxColours {
  ink: string;
  inkSoft: string;
  muted: string;
  paper: string;
  tint: string;
  rule: string;
  titleBg: string;
  titleInk: string;
  titleSoft: string;
  titleRule: string;
  badgeBg: string;
  badgeInk: string;
  markingBg: string;
  markingInk: string;
  accent: string;
}

export interface PptxLook {
  colours: PptxColours;
  /** Font names for runs: the template's first family. PPTX names one typeface per run; Office substitutes when it is missing. */
  fonts: { body: string; display: string };
}

const VARIABLES: Record<keyof PptxColours, string> = {
  ink: '--ink',
  inkSoft: '--ink-soft',
  muted: '--muted',
  paper: '--paper',
  tint: '--tint',
  rule: '--rule',
  titleBg: '--title-bg',
  titleInk: '--title-ink',
  titleSoft: '--title-soft',
  titleRule: '--title-rule',
  badgeBg: '--badge-bg',
  badgeInk: '--badge-ink',
  markingBg: '--marking-bg',
  markingInk: '--marking-ink',
  accent: '--accent',
};

/**
 * The template's look for PowerPoint: the custom properties its stylesheets
 * set on `:root` (ancestors first, so a child template's value wins, as in the
 * browser), with the `accent` option over `--accent` as the layout sets it on
 * the deck. Only `#rgb`/`#rrggbb` values and `var(--x)` references are read;
 * any other value (rgb(), a gradient) leaves the inherited colour in place.
 */
export function resolveLook(template: Template, options: Record<string, unknown>): PptxLook {
  const declared = rootVariables(template.css);
  if (typeof options.accent === 'string') declared.set('--accent', options.accent);
  const colours = {} as PptxColours;
  for (const [key, name] of Object.entries(VARIABLES) as [keyof PptxColours, string][]) {
    colours[key] = hexColour(resolve(declared, name)) ?? FALLBACK[key];
  }
  const body = firstFamily(resolve(declared, '--font-body')) ?? 'Calibri';
  const display = firstFamily(resolve(declared, '--font-display')) ?? body;
  return {
    colours,
    fonts: { body, display },
  };
}

/** The default template's colours, for a user template whose CSS gives none. */
const FALLBACK: PptxColours = {
  ink: '14213D',
  inkSoft: '3D4A63',
  muted: '5B6576',
  paper: 'FFFFFF',
  tint: 'F3F5F9',
  rule: 'D5DBE5',
  titleBg: '0F2742',
  titleInk: 'FFFFFF',
  titleSoft: 'C9D4E5',
  titleRule: 'B4452C',
  badgeBg: '14213D',
  badgeInk: 'FFFFFF',
  markingBg: '3D4A63',
  markingInk: 'FFFFFF',
  accent: 'B4452C',
};

/** Custom properties declared in rules whose selector includes `:root`, in source order (later wins). */
function rootVariables(css: string): Map<string, string> {
  const variables = new Map<string, string>();
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const rule of withoutComments.matchAll(/([^{}]*)\{([^{}]*)\}/g)) {
    const selectors = rule[1]!.split(',').map((s) => s.trim());
    if (!selectors.includes(':root')) continue;
    for (const declaration of rule[2]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+)/g)) {
      variables.set(declaration[1]!, declaration[2]!.trim());
    }
  }
  return variables;
}

function resolve(variables: Map<string, string>, name: string, depth = 0): string | undefined {
  const value = variables.get(name);
  const reference = value?.match(/^var\(\s*(--[\w-]+)\s*\)$/);
  if (reference && depth < 10) return resolve(variables, reference[1]!, depth + 1);
  return value;
}

function hexColour(value: string | undefined): string | undefined {
  const short = value?.match(/^#([0-9a-f])([0-9a-f])([0-9a-f])$/i);
  if (short) return `${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toUpperCase();
  return value?.match(/^#([0-9a-f]{6})$/i)?.[1]?.toUpperCase();
}

function firstFamily(stack: string | undefined): string | undefined {
  const first = stack
    ?.split(',')[0]
    ?.trim()
    .replace(/^['"]|['"]$/g, '');
  return first && !/^(sans-serif|serif|monospace|system-ui)$/.test(first) ? first : undefined;
}
