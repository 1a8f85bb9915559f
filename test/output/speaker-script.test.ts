import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Marked } from 'marked';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { renderBriefing, type RenderedDeck } from '../../src/deck/render.js';
import { TemplateRegistry } from '../../src/deck/template/registry.js';
import { plainText } from '../../src/html-text.js';
import { speakerScript } from '../../src/output/speaker-script.js';
import { FIXTURES, SAMPLE } from '../helpers.js';

const registry = new TemplateRegistry();
/** A CommonMark + GFM renderer, to read the script as a reader's Markdown viewer shows it. */
const viewer = new Marked({ gfm: true, async: false });

async function deckOf(markdown: string, file = path.join(FIXTURES, 'script.md')): Promise<RenderedDeck> {
  return renderBriefing(parseBriefing(markdown, file).briefing, { registry });
}

/** The script as HTML, the way a Markdown viewer renders it. */
function rendered(markdown: string): string {
  return viewer.parse(markdown) as string;
}

/** Whitespace runs as one space, for comparing text across line breaks. */
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the speaker script of the sample briefing', async () => {
  const deck = await deckOf(await readFile(SAMPLE, 'utf8'), SAMPLE);
  const { markdown, slides, withNotes } = speakerScript(deck);
  const html = rendered(markdown);
  const sections = markdown.split(/^## /m).slice(1);

  it('has one section per slide, in reading order, numbered and titled as the deck and PDF are', () => {
    expect(slides).toBe(deck.slides.length);
    expect(sections).toHaveLength(deck.slides.length);
    const headings = [...html.matchAll(/<h2>([\s\S]*?)<\/h2>/g)].map(([, h]) => plainText(h!));
    expect(headings).toEqual(
      deck.slides.map((slide) => {
        const kicker = slide.sectionHtml ? `${plainText(slide.sectionHtml)}: ` : '';
        return `Slide ${slide.number} of ${deck.slides.length}: ${kicker}${slide.label}`;
      }),
    );
    expect(headings[6]).toBe('Slide 7 of 10: Recommendations (1/2)');
    expect(headings[7]).toBe('Slide 8 of 10: Recommendations (2/2)');
  });

  it("gives every slide's speaker notes, whole, under that slide; a slide without notes says so", () => {
    expect(withNotes).toBe(deck.slides.filter((slide) => slide.notesHtml).length);
    expect(withNotes).toBe(9);
    for (const [i, slide] of deck.slides.entries()) {
      const section = squash(plainText(rendered(`## ${sections[i]!}`)));
      const notes = section.slice(section.indexOf('Speaker notes'));
      if (slide.notesHtml) expect(notes).toContain(squash(plainText(slide.notesHtml)));
      else expect(notes).toBe('Speaker notes No speaker notes for this slide.');
    }
  });

  it("lists each slide's bullets as a reminder, numbers running on across continued slides", () => {
    for (const [i, slide] of deck.slides.entries()) {
      const section = squash(plainText(rendered(`## ${sections[i]!}`)));
      for (const item of slide.items) expect(section).toContain(squash(plainText(item.html)));
    }
    expect(sections[7]).toMatch(/^6\. \*\*Update laws and surveillance\.\*\*/m);
    expect(sections[7]).toMatch(/^10\. \*\*Contest the ideology\.\*\*/m);
    expect(html).toContain('<ol start="6">');
  });

  it('carries the marking at the top and the bottom, then the title, date and source', () => {
    const lines = markdown.trimEnd().split('\n');
    expect(lines[0]).toBe('**TLP:CLEAR**');
    expect(lines.at(-1)).toBe('**TLP:CLEAR**');
    expect(html).toContain('<h1>Speaker script: ISKP plot disrupted in Moscow</h1>');
    expect(markdown).toContain('29 November 2026');
    expect(markdown).toContain('Based on: *Op-ed on the killing of an ISKP affiliate in Moscow*.');
    expect(markdown).toContain('Article image: representational image by RIA Novosti');
  });
});

describe('the speaker script reads as the text it is in a Markdown viewer', async () => {
  const source = `---
title: "# *x* <b>not bold</b> [not a link](https://example.org)"
subtitle: "$5 million_and_more | a ~ b"
marking: "UNCLASSIFIED//*FOUO*"
source:
  title: "Report [draft]"
  url: "https://example.org/a_(b)"
---

## Summary

1\\. This bullet-point text starts with a number and is not a list.

- 1\\. Neither is this bullet.
- \\# Nor a heading, > nor a quote, &amp;copy; nor an entity
- A [link to the sources](#sources) and one [to a site](https://example.org/x_y), \`code with * and _\`, **bold** and *italic*.

Note: <b>Bold</b> HTML in a note, a literal &lt;script&gt; tag, and <em>emphasis</em>.

Note two: with a [link](https://example.org/n).

## Implications

- 2026\\. A year.

## Recommendations

1. Do it.
`;
  const deck = await deckOf(source);
  const { markdown } = speakerScript(deck);
  const html = rendered(markdown);
  const text = squash(plainText(html));

  it("escapes the title, subtitle and marking: only the script's own markup is markup", () => {
    expect(html.match(/<h1>/g)).toHaveLength(1);
    expect(text).toContain('Speaker script: # *x* <b>not bold</b> [not a link](https://example.org)');
    expect(text).toContain('$5 million_and_more | a ~ b');
    expect(text).toContain('UNCLASSIFIED//*FOUO*');
    expect(html).not.toContain('<b>not bold</b>');
    expect(html).not.toMatch(/<em>x<\/em>|<em>FOUO<\/em>|<table|<del>/);
    expect(html).not.toContain('>not a link</a>'); // (the bare URL in it may be autolinked, as GFM does with any URL)
    expect(html).toContain('<em>Report [draft]</em>');
    expect(html).toContain('<a href="https://example.org/a_%28b%29">https://example.org/a_(b)</a>');
  });

  it('keeps text that looks like a list, heading, quote or entity as text, and the content’s own markup as Markdown', () => {
    expect(text).toContain('1. This bullet-point text starts with a number and is not a list.');
    expect(text).toContain('1. Neither is this bullet.');
    expect(text).toContain('# Nor a heading, > nor a quote, &copy; nor an entity');
    expect(text).toContain('2026. A year.');
    expect(html).not.toMatch(/<ol(?: start="\d+")?>\s*<li>(This|Neither|A year)/);
    expect(html).not.toMatch(/<h[1-6]>Nor a heading/);
    expect(html).not.toMatch(/<blockquote>\s*<p>nor a quote/);
    expect(html).toContain('<a href="#sources">link to the sources</a>');
    expect(html).toContain('<a href="https://example.org/x_y">to a site</a>');
    expect(html).toContain('<code>code with * and _</code>');
    expect(html).toContain('<strong>bold</strong> and <em>italic</em>');
  });

  it('writes HTML in notes as what it shows: bold as bold, a literal tag as text', () => {
    expect(html).toContain(
      '<strong>Bold</strong> HTML in a note, a literal &lt;script&gt; tag, and <em>emphasis</em>.',
    );
    expect(html).toContain('<a href="https://example.org/n">link</a>');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<b>');
  });

  it('has no marking lines when the briefing has no marking', async () => {
    const plain = speakerScript(await deckOf(source.replace(/^marking:.*\n/m, ''))).markdown;
    expect(plain.split('\n')[0]).toMatch(/^# Speaker script/);
    expect(plain.trimEnd().split('\n').at(-1)).not.toMatch(/UNCLASSIFIED|^---$/);
  });
});

describe('the speaker script of a draft', () => {
  it('puts the DRAFT notice beside the marking, at the top and the bottom', async () => {
    const source = (await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8')).replace(
      '---\n\n',
      'draft: true\n---\n\n',
    );
    const lines = speakerScript(await deckOf(source))
      .markdown.trimEnd()
      .split('\n');
    const banner = '**DRAFT – generated from source, review before use · TLP:AMBER**';
    expect([lines[0], lines.at(-1)]).toEqual([banner, banner]);
  });

  it('with no marking, still shows the DRAFT notice', async () => {
    const source = (await readFile(path.join(FIXTURES, 'minimal.md'), 'utf8')).replace(
      'marking: TLP:AMBER\n',
      'draft: true\n',
    );
    const lines = speakerScript(await deckOf(source))
      .markdown.trimEnd()
      .split('\n');
    expect([lines[0], lines.at(-1)]).toEqual([
      '**DRAFT – generated from source, review before use**',
      '**DRAFT – generated from source, review before use**',
    ]);
  });
});
