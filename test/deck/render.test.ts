import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { renderBriefing } from '../../src/deck/render.js';
import { markingOf } from '../../src/content/marking.js';
import { TemplateRegistry } from '../../src/deck/template/registry.js';
import { TemplateError } from '../../src/errors.js';
import { SAMPLE } from '../helpers.js';

const REQUIRED = '## Summary\n\nBottom line.\n\n## Implications\n\n- One.\n\n## Recommendations\n\n1. Act.\n';

const registry = new TemplateRegistry();

async function render(frontMatter: string, body = REQUIRED) {
  return renderBriefing(parseBriefing(`---\n${frontMatter}\n---\n${body}`, 'content/x.md').briefing, { registry });
}

function sections(html: string): string[] {
  return html.split('<section ').slice(1);
}

describe('renderBriefing', () => {
  it('renders the sample into one <section> per planned slide, with notes on every content slide', async () => {
    const deck = renderBriefing(parseBriefing(await readFile(SAMPLE, 'utf8'), 'content/iskp-moscow-plot.md').briefing, {
      registry,
    });
    const { html, slides } = await deck;
    expect(slides.map((s) => s.kind)).toEqual([
      'title',
      'summary',
      'implication',
      'implication',
      'implication',
      'implication',
      'recommendations',
      'recommendations',
      'quote',
      'sources',
    ]);
    const rendered = sections(html);
    expect(rendered).toHaveLength(slides.length);
    for (const section of rendered.slice(1)) expect(section).toMatch(/<aside class="notes">\s*<p>\S/);
    expect(html).toContain('Recommendations <span class="slide__part">(2/2)</span>');
  });

  it('is pure: the same briefing renders to the same string', async () => {
    const a = await render('title: T\ndate: 2026-01-01');
    const b = await render('title: T\ndate: 2026-01-01');
    expect(a.html).toBe(b.html);
  });

  it('escapes front matter values', async () => {
    const { html } = await render('title: "<script>alert(1)</script> & co"\nauthor: "<img src=x onerror=alert(1)>"');
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; co');
  });

  it('lets no script from markdown reach the deck', async () => {
    const { html } = await render(
      'title: T',
      REQUIRED.replace('Bottom line.', 'Bottom <script>window.pwned=1</script><iframe src="x"></iframe> line.'),
    );
    expect(html).not.toMatch(/pwned|<iframe/);
    // The only scripts are the deck's own: labels and config JSON, reveal, its notes plugin and the runtime.
    expect(html.match(/<script\b[^>]*>/g)).toEqual([
      '<script type="application/json" id="briefdeck-labels">',
      '<script type="application/json" id="briefdeck-config">',
      '<script src="assets/reveal/reveal.js">',
      '<script src="assets/reveal/plugin/notes.js">',
      '<script src="assets/deck.js">',
    ]);
  });

  it('cannot break out of the config script block', async () => {
    const { html } = await render('title: T\nsubtitle: "</script><script>alert(1)</script>"');
    const config = /<script type="application\/json" id="briefdeck-config">([\s\S]*?)<\/script>/.exec(html)![1]!;
    expect(() => JSON.parse(config)).not.toThrow();
  });

  it('puts the marking banner top and bottom of every slide', async () => {
    const { html, slides } = await render('title: T\nmarking: TLP:AMBER+STRICT');
    for (const section of sections(html)) {
      expect(section).toContain(
        '<div class="marking marking--top tlp tlp-amber-strict" role="note" aria-label="Marking">TLP:AMBER+STRICT</div>',
      );
      expect(section).toContain('marking--bottom');
    }
    expect(sections(html)).toHaveLength(slides.length);
  });

  it('numbers slides n / total', async () => {
    const { html, slides } = await render('title: T');
    expect(html).toContain(`<span class="slide__number">2 / ${slides.length}</span>`);
  });

  it('reports an unknown template at the front-matter line', async () => {
    await expect(render('title: T\ntemplate: fancy')).rejects.toThrow(TemplateError);
    await expect(render('title: T\ntemplate: fancy')).rejects.toThrow(
      /^content\/x\.md:3: unknown template "fancy" — use one of: dark, default, print$/,
    );
  });

  it('checks template options against the manifest', async () => {
    await expect(render('title: T\noptions:\n  colour: red')).rejects.toThrow(
      /content\/x\.md:4: unknown option "colour" .* allowed options: accent, logo, footer, size/,
    );
    await expect(render('title: T\noptions:\n  accent: red')).rejects.toThrow(/option "accent" must be a hex colour/);
    const { html } = await render('title: T\noptions:\n  accent: "#123456"');
    expect(html).toContain('--accent: #123456');
  });
});

describe('reveal settings from front matter', () => {
  const config = (html: string) => JSON.parse(/id="briefdeck-config">([^<]*)</.exec(html)![1]!);

  it('merge over the presenter defaults but never over the template layout', async () => {
    const { html } = await render('title: T\nreveal:\n  transition: slide\n  controls: false\n  slideNumber: c/t');
    expect(config(html)).toMatchObject({
      transition: 'slide',
      controls: false,
      slideNumber: 'c/t',
      progress: true,
      hash: true,
      width: 1280,
      height: 720,
      margin: 0,
    });
  });

  it('reject unknown settings and bad values at their line', async () => {
    await expect(render('title: T\nreveal:\n  width: 2000')).rejects.toThrow(
      /^content\/x\.md:4: front matter: "reveal\.width" is not a reveal\.js setting briefdeck passes on — reveal\.js settings allowed here: transition, /,
    );
    await expect(render('title: T\nreveal:\n  transition: spin')).rejects.toThrow(
      /^content\/x\.md:4: front matter: "reveal\.transition" /,
    );
  });
});

describe('markingOf', () => {
  it('recognises TLP 2.0 labels and leaves free text alone', () => {
    expect(markingOf('TLP:CLEAR')).toEqual({
      text: 'TLP:CLEAR',
      draft: false,
      className: 'tlp tlp-clear',
      colours: { background: '#000000', text: '#ffffff' },
    });
    // UNCLASSIFIED is a classification banner now (issue 16): test/content/marking.test.ts; free text stays plain.
    expect(markingOf('BRIEFING TEAM ONLY')).toEqual({ text: 'BRIEFING TEAM ONLY', draft: false, className: '' });
  });
});

describe('draft decks', () => {
  it('show the DRAFT notice beside the marking on every slide, and say when there are no recommendations', async () => {
    const { html, slides } = await render(
      'title: T\ndraft: true\nmarking: TLP:GREEN',
      REQUIRED.replace('1. Act.\n', ''),
    );
    const notices = html.match(
      /<span class="marking__draft">DRAFT – generated from source, review before use<\/span>TLP:GREEN/g,
    );
    expect(notices).toHaveLength(slides.length * 2);
    expect(html).toContain('No recommendations in the source.');
  });
});
