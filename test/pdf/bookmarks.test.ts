// PDF bookmarks from the planned slides of a real briefing: one per section, children for sections of several slides.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { planSlides } from '../../src/deck/plan.js';
import { bookmarksFor } from '../../src/pdf/bookmarks.js';
import type { Bookmark } from '../../src/pdf/metadata.js';
import { SAMPLE } from '../helpers.js';

/** A bookmark tree as `title@page` lines, indented per level, for a readable comparison. */
const outline = (bookmarks: Bookmark[], depth = 0): string[] =>
  bookmarks.flatMap((b) => [`${'  '.repeat(depth)}${b.title}@${b.page}`, ...outline(b.children, depth + 1)]);

describe('bookmarksFor', () => {
  it('gives the sample deck one bookmark per section at its first page, and one child per slide of a long section', async () => {
    const { briefing } = parseBriefing(await readFile(SAMPLE, 'utf8'), SAMPLE);
    const slides = planSlides(briefing, { maxItemsPerSlide: 5 });
    const bookmarks = bookmarksFor(slides);
    // Every slide is reachable: the top level covers the pages in order, and each group starts where its first slide is.
    expect(bookmarks[0]).toEqual({ title: briefing.meta.title, page: 0, children: [] });
    expect(bookmarks.map((b) => b.title)).toEqual([...new Set(slides.map((s) => s.group))]);
    for (const bookmark of bookmarks) expect(slides[bookmark.page]!.group).toBe(bookmark.title);
    for (const bookmark of bookmarks) {
      const pages = slides.flatMap((s, page) => (s.group === bookmark.title ? [page] : []));
      expect(bookmark.children.map((c) => c.page)).toEqual(pages.length > 1 ? pages : []);
      expect(bookmark.children.map((c) => c.title)).toEqual(pages.length > 1 ? pages.map((p) => slides[p]!.label) : []);
    }
  });

  it('continued list slides become children named like the slides, e.g. "Recommendations (2/2)"', () => {
    const items = (n: number) => Array.from({ length: n }, (_, i) => `${i + 1}. Act ${i + 1}.`).join('\n');
    const source = `---\ntitle: Long\n---\n## Summary\n\nBottom line.\n\n## Implications\n\n- One.\n\n## Recommendations\n\n${items(7)}\n`;
    const slides = planSlides(parseBriefing(source, 'long.md').briefing, { maxItemsPerSlide: 5 });
    expect(outline(bookmarksFor(slides))).toEqual(
      expect.arrayContaining(['Recommendations@3', '  Recommendations (1/2)@3', '  Recommendations (2/2)@4']),
    );
    expect(outline(bookmarksFor(slides))[0]).toBe('Long@0');
  });

  it('gives no bookmarks for no slides', () => {
    expect(bookmarksFor([])).toEqual([]);
  });
});
