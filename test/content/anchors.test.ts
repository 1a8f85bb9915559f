import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingSlug } from '../../src/content/anchors.js';
import { parseBriefing } from '../../src/content/parse.js';
import { renderBriefing } from '../../src/deck/render.js';
import { TemplateRegistry } from '../../src/deck/template/registry.js';
import { FIXTURES, SAMPLE } from '../helpers.js';

const FILE = path.join(FIXTURES, 'links.md');
const registry = new TemplateRegistry();

function briefing(body: string, front = '') {
  return parseBriefing(`---\ntitle: Links\n${front}---\n\n${body}`, FILE);
}

const REQUIRED = `## Summary

Bottom line.

## Implications

- One.

## Recommendations

1. Act.
`;

describe('slide ids for links inside a deck', () => {
  it("puts each section's id on its first slide only, in the deck's HTML too", async () => {
    const { briefing: parsed } = parseBriefing(await readFile(SAMPLE, 'utf8'), SAMPLE);
    const deck = await renderBriefing(parsed, { registry });
    expect(deck.slides.map((slide) => slide.id)).toEqual([
      'top', // the title slide: HTML's own name for the top of the page
      'summary',
      'implications', // "For Russia", the first implication
      undefined,
      undefined,
      undefined,
      'recommendations', // (1/2)
      undefined, // (2/2): a continued slide does not repeat the id
      'quote',
      'sources',
    ]);
    const ids = [...deck.html.matchAll(/<span class="slide__anchor" id="([^"]+)"><\/span>/g)].map(([, id]) => id);
    expect(ids).toEqual(['top', 'summary', 'implications', 'recommendations', 'quote', 'sources']);
  });

  it('names the known sections by their kind, whatever the heading says, and others by their heading', () => {
    const { briefing: parsed } = briefing(
      `## Bottom line\n\nIt.\n\n## So what\n\n- One.\n\n## Next steps\n\n1. Act.\n\n` +
        `## For the Taliban's credibility\n\nText.\n\n## 📌 Summary\n\nText.\n\n## Context\n\nText.\n`,
    );
    expect(parsed.sections.map((section) => section.id)).toEqual([
      'summary',
      'implications',
      'recommendations',
      'for-the-talibans-credibility',
      'summary-2', // "📌 Summary" is a section of its own (it does not start with "Summary"): its slug is taken
      'background',
    ]);
  });

  it('gives repeated headings unique ids, and never an id the runtime uses or reveal.js reads as a number', () => {
    const { briefing: parsed } = briefing(
      `${REQUIRED}\n## Annex\n\nA.\n\n## Annex\n\nB.\n\n## Sources!\n\nS.\n\n## Briefdeck config\n\nC.\n\n## 2026\n\nY.\n\n## ???\n\nQ.\n\n## Top\n\nT.\n`,
    );
    expect(parsed.sections.slice(3).map((section) => section.id)).toEqual([
      'annex',
      'annex-2',
      'sources',
      'section-briefdeck-config',
      'section-2026',
      'section',
      'top-2', // `top` is the title slide's
    ]);
    expect(headingSlug('Sóurces')).toBe('sóurces');
    expect(headingSlug('تحليل إضافي')).toBe('تحليل-إضافي');
  });

  it("keeps a link to a slide's id in the sanitized HTML", () => {
    const { briefing: parsed, warnings } = briefing(
      REQUIRED.replace('Bottom line.', 'Bottom line, [see the sources](#sources) and [the start](#top).'),
      'source:\n  title: An article\n',
    );
    expect(parsed.sections[0]!.lead).toContain('<a href="#sources">see the sources</a>');
    expect(parsed.sections[0]!.lead).toContain('<a href="#top">the start</a>');
    expect(warnings).toEqual([]); // the sources slide the deck adds for `source:` has the id; the title slide is #top
  });

  it("warns about reveal.js's own link forms, which the PDF cannot follow, with the form that works", () => {
    const { briefing: parsed, warnings } = briefing(
      REQUIRED.replace('Bottom line.', 'Bottom line: [the plan](#/recommendations), [slide 3](#/2), [start](#/).'),
    );
    expect(parsed.sections[0]!.lead).toContain('<a href="#/recommendations">the plan</a>'); // still works in the deck
    expect(warnings.map((warning) => [warning.line, warning.message])).toEqual([
      [
        7,
        `link "#/recommendations" is reveal.js's own form of a link, which works in the live deck only: the PDF has no link there — write "#recommendations"`,
      ],
      [
        7,
        `link "#/2" links a slide by its position, which works in the live deck only (not in the PDF) and points elsewhere once slides are added or a list is split — link the slide's section by its id; the slides' ids: #top, #summary, #implications, #recommendations (see "Links inside a deck" in the README)`,
      ],
    ]);
  });

  it('warns at its line about a link to an id no slide has, with a "did you mean" and the ids there are', () => {
    const body = REQUIRED.replace('- One.', '- One, [see the sources](#sourcse).').replace(
      '1. Act.',
      '1. Act.\n\n   Note: Back to [the summary](#Summary), [the top](#/).',
    );
    const { warnings } = briefing(body, 'source:\n  title: An article\n');
    expect(warnings).toEqual([
      {
        file: FILE,
        line: 13,
        message:
          'link "#sourcse" goes to no slide of this deck: no slide has the id "sourcse" — did you mean "#sources"? ' +
          `the slides' ids: #top, #summary, #implications, #recommendations, #sources (see "Links inside a deck" in the README)`,
      },
      {
        file: FILE,
        line: 19,
        message: expect.stringContaining(
          'link "#Summary" goes to no slide of this deck: no slide has the id "Summary" — did you mean "#summary"?',
        ),
      },
    ]);
    // Without the source, the deck has no sources slide: the link is still named, with no guess.
    const [alone] = briefing(body).warnings;
    expect(alone!.message).toMatch(
      /^link "#sourcse" goes to no slide of this deck: no slide has the id "sourcse" — the slides' ids: #top, #summary, #implications, #recommendations \(/,
    );
  });
});
