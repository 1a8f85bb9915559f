import { describe, expect, it } from 'vitest';
import { draftBriefing } from '../../src/draft/index.js';

const SENTENCES: [string, string, string, string, string] = [
  'Water utilities in small towns run old control software that nobody has patched in years.',
  'Operators share one password across plants, and remote access is often left open.',
  'Officials should patch the systems before the next attack reaches a treatment plant.',
  'Federal grants cover the cost of an audit, but few towns apply for them.',
  'A single intrusion could change the dose of chemicals in the drinking water.',
];
const HIDDEN = /alert|stealCookies|color: red|HIDDEN TEMPLATE|enable JavaScript|editor's comment/i;

describe('text a reader never sees is never article text, title or recommendation', () => {
  it('HTML: <script>, <style>, <template>, <noscript> and comments, in the headline and in a paragraph', async () => {
    const html =
      '<!DOCTYPE html><html><head><title>Patch the Pumps<script>alert(1)</script></title><style>p { color: red }</style></head><body><article>' +
      '<h1>Patch the Pumps<script>stealCookies()</script></h1>' +
      `<p>${SENTENCES[0]} ${SENTENCES[1]}</p>` +
      `<p>${SENTENCES[2].replace('.', ' <script>alert(1)</script>.')} <!-- editor's comment: check this --></p>` +
      `<template><p>HIDDEN TEMPLATE text that should never be read as part of the article at all.</p></template>` +
      `<noscript><p>Please enable JavaScript to read the rest of this article on our website today.</p></noscript>` +
      `<p>${SENTENCES[3]} ${SENTENCES[4]}</p></article></body></html>`;
    const { draft, markdown } = await draftBriefing(html, { file: 'page.html' });
    expect(draft.title).toBe('Patch the Pumps');
    expect(markdown).not.toMatch(HIDDEN);
    expect(draft.recommendations.map((r) => r.text)).toEqual([SENTENCES[2].replace('.', ' .')]);
  });

  it('markdown: inline <script>…</script>, a <template> block across blank lines, <noscript>, comments', async () => {
    const md = [
      '# Patch the Pumps <script>alert(1)</script>',
      '',
      `${SENTENCES[0]} ${SENTENCES[1]}`,
      '',
      `${SENTENCES[2].replace('.', ' <script>alert(1)</script>.')} <!-- editor's comment -->`,
      '',
      '<template>',
      '',
      'HIDDEN TEMPLATE text that marked reads as a paragraph between two html blocks.',
      '',
      '</template>',
      '',
      '<noscript>Please enable JavaScript to read this.</noscript>',
      '',
      '<script>',
      'stealCookies();',
      '',
      'alert(2);',
      '</script>',
      '',
      `${SENTENCES[3]} ${SENTENCES[4]}`,
    ].join('\n');
    const { draft, markdown } = await draftBriefing(md, { file: 'a.md' });
    expect(draft.title).toBe('Patch the Pumps');
    expect(markdown).not.toMatch(HIDDEN);
    expect(draft.recommendations.map((r) => r.text)).toEqual([SENTENCES[2].replace('.', ' .')]);
  });

  it('plain text: pasted <script> blocks and comments, line numbers kept', async () => {
    const text = [
      '<script>stealCookies()</script>Patch the Pumps',
      '',
      `${SENTENCES[0]} ${SENTENCES[1]}`,
      '',
      '<script>',
      'alert(1);',
      '</script>',
      '',
      `${SENTENCES[2].replace('.', ' <script>alert(1)</script>.')}`,
      '',
      `<!-- editor's comment -->${SENTENCES[3]} ${SENTENCES[4]}`,
    ].join('\n');
    const { draft, markdown, sentences } = await draftBriefing(text, { file: 'a.txt' });
    expect(draft.title).toBe('Patch the Pumps');
    expect(markdown).not.toMatch(HIDDEN);
    expect(draft.recommendations.map((r) => r.text)).toEqual([SENTENCES[2].replace('.', ' .')]);
    expect(sentences.find((s) => s.text.startsWith('Federal'))?.line).toBe(11);
  });
});
