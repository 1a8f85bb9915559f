import path from 'node:path';
import type { Warning } from '../content/model.js';
import { formatMessage, TemplateError, type Location } from '../errors.js';
import type { OptionLayer } from './options.js';
import { type Infer, object, oneOf, optional, string } from '../validate.js';
import type { Template } from './template/registry.js';
import type { TemplateManifest } from './template/manifest.js';

/*
 * WCAG 2.x contrast of the colours a template's options set, checked without a browser.
 *
 * A template cannot be asked what it draws on what without rendering it, so it says so in
 * template.json: `contrast` lists pairs of a text colour and the colour it is drawn on, each a
 * colour option's name or a fixed colour, with the text size (large text needs 3:1, other text
 * 4.5:1: https://www.w3.org/TR/WCAG22/#contrast-minimum). After the options are resolved, every
 * pair is measured; test/e2e/contrast.test.ts checks the built-in templates' pairs against what
 * Chromium draws.
 */

/** One pair in template.json's `contrast`. */
export const contrastPairSchema = object({
  /** The text colour: a colour option's name, or a fixed colour. */
  text: string(),
  /** What the text is drawn on: a colour option's name, or a fixed (opaque) colour. */
  on: string(),
  /** `large`: 24px and up, or 18.66px (14pt) and up when bold. */
  size: optional(oneOf(['normal', 'large']), 'normal'),
  /** What is drawn so, for the warning, e.g. "kickers". */
  where: string(),
});

export type ContrastPair = Infer<typeof contrastPairSchema>;

/** WCAG AA minimum contrast by text size. */
export const REQUIRED = { normal: 4.5, large: 3 } as const;

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0 (transparent) to 1 (opaque). */
  a: number;
}

/**
 * `#rgb`, `#rgba`, `#rrggbb`, `#rrggbbaa`, `rgb(r, g, b)` and `rgba(r, g, b, a)` (commas or spaces).
 * Colour options accept only the hex forms without alpha (options.ts); fixed colours in `contrast`
 * may be written as in CSS. Named colours are not accepted: no option takes them.
 */
export function parseColour(text: string): Rgba | undefined {
  const hex = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(text.trim())?.[1];
  if (hex) {
    const [r, g, b, a = 255] = (hex.length <= 4 ? [...hex].map((d) => d + d) : hex.match(/../g)!).map((pair) =>
      parseInt(pair, 16),
    ) as number[];
    return { r: r!, g: g!, b: b!, a: a / 255 };
  }
  const rgb = /^rgba?\(\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*[,\s]\s*(\d{1,3})\s*(?:[,/]\s*(\d*\.?\d+)(%?)\s*)?\)$/i.exec(
    text.trim(),
  );
  if (!rgb) return undefined;
  const [r, g, b] = [rgb[1], rgb[2], rgb[3]].map(Number) as [number, number, number];
  const a = rgb[4] === undefined ? 1 : Number(rgb[4]) / (rgb[5] ? 100 : 1);
  if (r > 255 || g > 255 || b > 255 || a > 1) return undefined;
  return { r, g, b, a };
}

export function toHex({ r, g, b }: Rgba): string {
  return `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG 2.x relative luminance of an opaque colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast of text over an opaque background: a translucent text colour is first composited over it. */
export function contrastRatio(text: Rgba, background: Rgba): number {
  const [light, dark] = [relativeLuminance(over(text, background)), relativeLuminance(background)].sort(
    (x, y) => y - x,
  ) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (t: number, b: number) => t * top.a + b * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

/** WCAG has no rounding: 4.499:1 fails 4.5:1, so it is shown as 4.49:1, never 4.50:1. */
export function formatRatio(ratio: number): string {
  return `${(Math.floor(ratio * 100) / 100).toFixed(2)}:1`;
}

/**
 * Every name in the template's pairs must be a colour option, every fixed colour must parse, and a
 * background must be opaque (what is behind a translucent one is not known here). Run once the
 * chain is merged, against the template.json that declared the pairs.
 */
export function checkContrastDeclarations(manifest: TemplateManifest, file: string): void {
  const colourOptions = Object.keys(manifest.options).filter((key) => manifest.options[key]!.type === 'color');
  const isOption = (side: string) => Object.hasOwn(manifest.options, side);
  const fail = (index: number, side: string, what: string, hint: string): never => {
    throw new TemplateError(`template.json: "contrast.${index}.${side}" ${what}`, hint, { file });
  };
  manifest.contrast.forEach((pair, index) => {
    for (const side of ['text', 'on'] as const) {
      const value = pair[side];
      if (isOption(value)) {
        if (!colourOptions.includes(value))
          fail(
            index,
            side,
            `names option "${value}", which is not a colour`,
            `use ${colourOptions.length ? `one of: ${colourOptions.join(', ')}, or ` : ''}a colour like #ffffff`,
          );
        continue;
      }
      const colour =
        parseColour(value) ??
        fail(
          index,
          side,
          `"${value}" is neither an option of this template nor a colour`,
          'name a colour option, or write #rrggbb, #rgb, #rrggbbaa or rgb(r, g, b)',
        );
      if (side === 'on' && colour.a < 1)
        fail(index, side, `"${value}" is translucent`, 'give the opaque colour the text is actually drawn on');
    }
    if (!isOption(pair.text) && !isOption(pair.on))
      fail(
        index,
        'on',
        'and "text" are both fixed colours',
        'a pair checks a colour option: name one on at least one side',
      );
    if (pair.text === pair.on)
      fail(index, 'on', `is "${pair.on}", the same option as "text"`, 'text is never drawn on its own colour');
  });
}

/** A pair below WCAG AA, ready to report as a warning or, with --strict, an error. */
export interface ContrastProblem {
  what: string;
  hint: string;
  location: Location;
}

export function contrastWarning(problem: ContrastProblem): Warning {
  return {
    file: problem.location.file,
    line: problem.location.line,
    message: formatMessage(problem.what, problem.hint),
  };
}

export function contrastError(problem: ContrastProblem): TemplateError {
  return new TemplateError(problem.what, problem.hint, problem.location);
}

interface Measured {
  pair: ContrastPair;
  ratio: number;
  required: number;
}

/**
 * Measures every declared pair with the resolved option values (defaults, config, front matter)
 * and returns one problem per option that has a pair below WCAG AA, at the line that set it
 * (a default that fails is reported at the template's template.json). A pair of two options is
 * blamed on the one set last (front matter over config over default; the text colour on a tie).
 */
export function checkContrast(
  template: Template,
  values: Record<string, unknown>,
  layers: OptionLayer[],
): ContrastProblem[] {
  const { options, contrast: pairs } = template.manifest;
  const isOption = (side: string) => Object.hasOwn(options, side);
  const colourOf = (side: string, overrides: Record<string, Rgba>): Rgba | undefined => {
    if (!isOption(side)) return parseColour(side);
    const value = values[side];
    return overrides[side] ?? (typeof value === 'string' ? parseColour(value) : undefined);
  };
  const measure = (pair: ContrastPair, overrides: Record<string, Rgba> = {}): Measured | undefined => {
    const text = colourOf(pair.text, overrides);
    const on = colourOf(pair.on, overrides);
    // An option without a value (no default, not set) leaves the template's CSS fallback: nothing to check.
    if (!text || !on) return undefined;
    return { pair, ratio: contrastRatio(text, on), required: REQUIRED[pair.size] };
  };
  const passes = (pair: ContrastPair, overrides?: Record<string, Rgba>) => {
    const measured = measure(pair, overrides);
    return !measured || measured.ratio >= measured.required;
  };
  /** Index of the last layer that sets the option; -1 for its default. */
  const layerOf = (key: string) => {
    let index = -1;
    layers.forEach((layer, i) => {
      if (Object.hasOwn(layer.values, key)) index = i;
    });
    return index;
  };
  const blame = (pair: ContrastPair) =>
    isOption(pair.on) && (!isOption(pair.text) || layerOf(pair.on) > layerOf(pair.text)) ? pair.on : pair.text;

  const failing = new Map<string, Measured[]>();
  for (const pair of pairs) {
    const measured = measure(pair);
    if (!measured || measured.ratio >= measured.required) continue;
    const key = blame(pair);
    failing.set(key, [...(failing.get(key) ?? []), measured]);
  }

  return [...failing].map(([key, measured]) => {
    // The worst shortfall leads; the other places the colour fails are listed after it.
    const [worst, ...rest] = measured.sort((x, y) => x.ratio / x.required - y.ratio / y.required) as [
      Measured,
      ...Measured[],
    ];
    const value = String(values[key]);
    const isText = worst.pair.text === key;
    const other = isText ? worst.pair.on : worst.pair.text;
    const otherValue = isOption(other)
      ? `option "${other}" ${String(values[other])}`
      : `the ${template.name} template's ${isText ? 'background' : 'text'} ${other}`;
    const also = [...new Set(rest.map((m) => m.pair.where))].filter((where) => where !== worst.pair.where);
    const what =
      `option "${key}" ${value} ${isText ? 'on' : 'under'} ${otherValue} has contrast ${formatRatio(worst.ratio)}, ` +
      `below WCAG AA ${worst.required}:1 for ${worst.pair.size === 'large' ? 'large ' : ''}text (${worst.pair.where}${also.length ? `; also too low for ${also.join(', ')}` : ''})`;
    const mine = pairs.filter((pair) => pair.text === key || pair.on === key);
    const suggestion = nearestPassing(parseColour(value)!, (colour) =>
      mine.every((pair) => passes(pair, { [key]: colour })),
    );
    const others = [
      ...new Set(mine.flatMap((pair) => [pair.text, pair.on]).filter((side) => side !== key && isOption(side))),
    ];
    const hint = suggestion
      ? `choose a ${suggestion.lighter ? 'lighter' : 'darker'} colour, e.g. ${toHex(suggestion.colour)}`
      : `no colour passes all of its pairs${others.length ? ` while ${others.map((o) => `option "${o}" stays ${String(values[o])}`).join(' and ')}: change ${others.length > 1 ? 'them' : 'it'} too` : ''}`;
    const layer = layers[layerOf(key)];
    const location = layer
      ? { file: layer.file, line: layer.lineOf(key) }
      : { file: path.join(template.chain[0]!, 'template.json') };
    return { what, hint, location };
  });
}

/**
 * The passing colour nearest to `colour` along its way to white or to black (which keeps the hue):
 * the fewest of 255 even steps, each rounded to a hex colour and tested as it would be written.
 */
export function nearestPassing(
  colour: Rgba,
  passes: (colour: Rgba) => boolean,
): { colour: Rgba; lighter: boolean } | undefined {
  for (let step = 1; step <= 255; step++) {
    for (const lighter of [true, false]) {
      const target = lighter ? 255 : 0;
      const mix = (c: number) => Math.round(c + ((target - c) * step) / 255);
      const candidate = { r: mix(colour.r), g: mix(colour.g), b: mix(colour.b), a: 1 };
      if (passes(candidate)) return { colour: candidate, lighter };
    }
  }
  return undefined;
}
