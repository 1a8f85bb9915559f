import { describe, expect, it } from 'vitest';
import { draftBriefing } from '../src/draft/index.js';
import { decodeAttribute, decodeEntities, escapeHtml, plainText, tagsIn } from '../src/html-text.js';

describe('plainText', () => {
  it('decodes every character reference HTML has, not only the five escapeHtml writes', () => {
    expect(plainText('it&#x27;s&nbsp;here')).toBe("it's\u00a0here");
    expect(plainText('Q&amp;A &mdash; &copy; 2026 &#8212; &#x1F600;')).toBe('Q&A — © 2026 — 😀');
  });

  it('drops tags and comments, also with > inside an attribute', () => {
    expect(plainText('<a href="x" title="a>b">link</a> <!-- a > b --><em>text</em>')).toBe('link text');
  });

  it('keeps a lone < that starts no tag', () => {
    expect(plainText('1 &lt; 2 < 3')).toBe('1 < 2 < 3');
  });

  it('reads back what escapeHtml wrote', () => {
    const text = `"Tom & Jerry" <b> it's`;
    expect(plainText(escapeHtml(text))).toBe(text);
  });
});

describe('decodeAttribute and decodeEntities', () => {
  it('read an attribute as a browser does: references decoded, a legacy one before = kept', () => {
    expect(decodeAttribute('&#46;&#46;/&#x2e;&#x2E;/secret')).toBe('../../secret');
    expect(decodeAttribute('a.png?x=1&copy=2')).toBe('a.png?x=1&copy=2');
    expect(decodeAttribute('say &quot;hi&quot; "there"')).toBe('say "hi" "there"');
  });

  it('decode text references also without the ;', () => {
    expect(decodeEntities('&#117rl( &#x75;rl( &lpar; &amp;')).toBe('url( url( ( &');
  });
});

describe('a drafted briefing from a markdown article', () => {
  it('shows the character references of the article as the characters they stand for', async () => {
    const article = [
      '# The ministry&rsquo;s water plan',
      '',
      'The ministry&rsquo;s plan covers every utility in the region&nbsp;and names the agencies responsible for it.',
      'Utilities must report incidents within a day &mdash; the plan sets fines for late reports.',
      'Regulators said the plan will cost &euro;40 million over three years and take effect in spring.',
      'The agencies should publish a yearly review of the reports they receive from utilities.',
    ].join('\n\n');
    const { markdown } = await draftBriefing(article, { file: 'plan.md' });
    expect(markdown).toContain('ministry’s');
    expect(markdown).toContain('€40 million');
    expect(markdown).not.toMatch(/&(?:rsquo|mdash|euro|nbsp);/);
  });
});

describe('tagsIn', () => {
  it('names each tag with its attributes and where it starts', () => {
    const html = '<p>One <a href="a&amp;b">x</a>\n<IMG src="c.png"></p>';
    expect(tagsIn(html)).toEqual([
      { name: 'p', attribs: {}, offset: 0 },
      { name: 'a', attribs: { href: 'a&b' }, offset: 7 },
      { name: 'img', attribs: { src: 'c.png' }, offset: html.indexOf('<IMG') },
    ]);
  });
});
