import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import type { ArticleFormat } from '../../src/draft/article.js';
import { readArticle } from '../../src/draft/read/index.js';

const REQUIRED = '## Summary\n\nBottom line.\n\n## Implications\n\n- One.\n\n## Recommendations\n\n1. Act.\n';
const SPOKEN = 'Words worth saying, and worth saying in full.';

/** The dashes a writer or an article puts before a speaker's name (U+2015 is the "quotation dash"). */
const DASHES = ['—', '―', '–', '--'];

/** An article of `format` whose quotation ends with the line `speaker`. */
function article(format: ArticleFormat, speaker: string): string {
  if (format === 'md') return `> ${SPOKEN}\n>\n> ${speaker}\n`;
  if (format === 'txt') return `> ${SPOKEN}\n> ${speaker}\n`;
  return `<body><article><p>${SPOKEN.repeat(5)}</p><blockquote><p>${SPOKEN}</p><p>${speaker}</p></blockquote></article></body>`;
}

async function quoteOf(format: ArticleFormat, speaker: string) {
  const { blocks } = await readArticle({ text: article(format, speaker), format, file: `a.${format}` });
  return blocks.find((block) => block.kind === 'quote');
}

describe('one attribution dash for the briefing parser and the article readers', () => {
  it.each(DASHES)('a briefing quote reads %s A. Person as its attribution', (dash) => {
    const text = `---\ntitle: T\n---\n${REQUIRED}\n## Quote\n\n> ${SPOKEN}\n> ${dash} A. Person\n`;
    const quote = parseBriefing(text, 'content/x.md').briefing.sections[3]!.quote;
    expect(quote).toEqual({ html: `<p>${SPOKEN}</p>`, attribution: 'A. Person' });
  });

  it.each(DASHES)('the markdown, text and HTML readers read %s A. Person as the attribution', async (dash) => {
    for (const format of ['md', 'txt', 'html'] as const)
      expect(await quoteOf(format, `${dash} A. Person`), format).toMatchObject({
        text: SPOKEN,
        attribution: 'A. Person',
      });
  });

  // In markdown, `- ` starts a list item: a single hyphen can name a speaker only in text and HTML.
  it('the text and HTML readers read - A. Person as the attribution', async () => {
    for (const format of ['txt', 'html'] as const)
      expect(await quoteOf(format, '- A. Person'), format).toMatchObject({ text: SPOKEN, attribution: 'A. Person' });
  });
});
