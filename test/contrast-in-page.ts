// Runs in the page (page.evaluate): shared by the template tests that measure what Chromium draws.

export interface ContrastFailure {
  text: string;
  color: string;
  background: string;
  ratio: number;
  required: number;
}

/**
 * WCAG 2 contrast of every piece of text on every slide (or on the slides `slides` selects),
 * measured in the browser from computed styles: the text colour against the first opaque
 * background behind it (translucent layers composited). Large text (24px, or 18.66px bold)
 * needs 3:1, other text 4.5:1. Where reveal shows its navigation arrows (not in the print
 * view), each enabled arrow against what is behind it needs 3:1 (WCAG 1.4.11, non-text
 * contrast of a control: axe-core does not test it).
 */
export function measureContrast(slides = '.slides section'): ContrastFailure[] {
  type Rgba = [number, number, number, number];
  const parse = (css: string): Rgba => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) return [0, 0, 0, 0];
    const [r, g, b, a] = m[1]!.split(/[ ,/]+/).map(Number);
    return [r!, g!, b!, a === undefined || Number.isNaN(a) ? 1 : a];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [top[0] * a + bottom[0] * (1 - a), top[1] * a + bottom[1] * (1 - a), top[2] * a + bottom[2] * (1 - a), 1];
  };
  const luminance = ([r, g, b]: Rgba) => {
    const lin = (v: number) => {
      const c = v / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  };
  const background = (element: Element): Rgba => {
    const layers: Rgba[] = [];
    for (let node: Element | null = element; node; node = node.parentElement) {
      const bg = parse(getComputedStyle(node).backgroundColor);
      if (bg[3] > 0) layers.push(bg);
      if (bg[3] === 1) break;
    }
    return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1] as Rgba);
  };
  const ratioOf = (fg: Rgba, bg: Rgba) => {
    const [light, dark] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
    return (light! + 0.05) / (dark! + 0.05);
  };
  const failures: ContrastFailure[] = [];
  for (const element of document.querySelectorAll(`${slides} *`)) {
    if (element.closest('aside.notes')) continue;
    const ownText = [...element.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join('')
      .trim();
    if (!ownText) continue;
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const bg = background(element);
    const fg = over(parse(style.color), bg);
    const ratio = ratioOf(fg, bg);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const required = large ? 3 : 4.5;
    if (ratio < required)
      failures.push({
        text: ownText.slice(0, 40),
        color: style.color,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
        ratio: Math.round(ratio * 100) / 100,
        required,
      });
  }
  // The arrows' bars are drawn in the button's colour (currentColor), at the button's opacity.
  for (const button of document.querySelectorAll<HTMLElement>('.reveal .controls button.enabled')) {
    const style = getComputedStyle(button);
    const box = button.getBoundingClientRect();
    if (style.visibility !== 'visible' || box.width === 0) continue;
    const behind = document
      .elementsFromPoint(box.left + box.width / 2, box.top + box.height / 2)
      .find((element) => !element.closest('.controls'));
    const bg = behind ? background(behind) : ([255, 255, 255, 1] as Rgba);
    const [r, g, b, a] = parse(style.color);
    const ratio = ratioOf(over([r, g, b, a * Number(style.opacity)], bg), bg);
    if (ratio < 3)
      failures.push({
        text: `arrow ${button.getAttribute('aria-label') ?? button.className}`,
        color: style.color,
        background: `rgb(${bg.slice(0, 3).map(Math.round).join(', ')})`,
        ratio: Math.round(ratio * 100) / 100,
        required: 3,
      });
  }
  return failures;
}
