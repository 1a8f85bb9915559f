import type { Slide } from '../deck/slide.js';
import type { Bookmark } from './metadata.js';

/**
 * One bookmark per section, pointing at its first slide; a section with
 * several slides (one per implication, continued recommendations) gets one
 * child bookmark per slide.
 */
export function bookmarksFor(slides: Slide[]): Bookmark[] {
  const bookmarks: Bookmark[] = [];
  let current: { group: string; bookmark: Bookmark; slides: Slide[] } | undefined;
  slides.forEach((slide, page) => {
    if (!current || current.group !== slide.group) {
      current = { group: slide.group, bookmark: { title: slide.group, page, children: [] }, slides: [] };
      bookmarks.push(current.bookmark);
    }
    current.slides.push(slide);
    if (current.slides.length === 2) current.bookmark.children.push(child(current.slides[0]!, page - 1));
    if (current.slides.length >= 2) current.bookmark.children.push(child(slide, page));
  });
  return bookmarks;
}

function child(slide: Slide, page: number): Bookmark {
  return { title: slide.label, page, children: [] };
}
