import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContentFiles } from '../../src/content/media.js';
import { parseBriefing } from '../../src/content/parse.js';

// A content file in a folder that need not exist: links with a scheme never touch the file system.
const file = path.join('/tmp', 'briefdeck-links', 'b.md');
const warningsOf = (href: string) => {
  const files = new ContentFiles(file);
  files.link(href, 7);
  return files.warnings;
};

describe('ContentFiles.link: links the deck leaves out', () => {
  it('reads an href as the URL parser does: a control character or space before a scheme does not make it a path', () => {
    // \x01 and \x1f are C0 controls the URL parser strips and String.trim keeps: these were taken for
    // relative paths and called "outside the folder" (issue 11, item 17).
    for (const href of [
      '\x01javascript:alert(1)/../../../x',
      '\x1fjavascript:alert(1)',
      '\x0Bjavascript:alert(1)',
      ' \x00javascript:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '&#1;javascript:alert(1)/../../x',
    ]) {
      expect(warningsOf(href), JSON.stringify(href)).toEqual([
        {
          file,
          line: 7,
          message: `link ${JSON.stringify(href)} is an unsafe javascript: link (it could run a script): the deck keeps its text without the link — link to a web (http/https) or mailto address, or a #slide anchor`,
        },
      ]);
    }
  });

  it('names every script-capable scheme unsafe, in any case', () => {
    for (const [href, scheme] of [
      ['JaVaScRiPt:alert(1)', 'javascript'],
      ['vbscript:msgbox(1)', 'vbscript'],
      ['VBScript:x', 'vbscript'],
      ['data:text/html,<script>x</script>', 'data'],
    ]) {
      expect(warningsOf(href!)[0]?.message, href).toMatch(
        new RegExp(
          `^link ".*" is an unsafe ${scheme}: link \\(it could run a script\\): the deck keeps its text without the link — `,
        ),
      );
    }
  });

  it('says so for other schemes too, which the sanitizer drops', () => {
    expect(warningsOf('tel:+441234')[0]?.message).toMatch(
      /^link "tel:\+441234" uses tel:, which decks do not link to: the deck keeps its text without the link — /,
    );
  });

  it('keeps web, mail and anchor links without a warning', () => {
    for (const href of ['https://example.com', 'HTTP://x.org', 'MAILTO:a@b.org', '#top'])
      expect(warningsOf(href), href).toEqual([]);
  });

  it('a Windows path is a local file, not a scheme', () => {
    expect(() => warningsOf('C:\\secret.txt')).toThrow(/points to a local file, which the deck does not carry/);
  });
});

describe('parseBriefing: unsafe links', () => {
  it('warns at the line of the link, and the deck has the text without the href', () => {
    const text =
      '---\ntitle: T\n---\n## Summary\n\nBottom.\n\nSee [this](&#1;javascript:alert(1)) and [that](VBScript:x).\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n';
    const { briefing, warnings } = parseBriefing(text, file);
    expect(warnings.map((w) => [w.line, w.message.split(':')[0]])).toEqual([
      [8, 'link "&#1;javascript'],
      [8, 'link "VBScript'],
    ]);
    expect(briefing.sections[0]!.lead).toContain('See <a>this</a> and <a>that</a>.');
  });

  it('reports a link in a speaker note once, at its own line (also in a list item, whose note was checked twice)', () => {
    const text =
      '---\ntitle: T\n---\n## Summary\n\nBottom.\n\nNote: see [x](ftp://x).\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. R.\n\n   Note: and [y](ftp://y).\n';
    const { briefing, warnings } = parseBriefing(text, file);
    expect(warnings.map((w) => [w.line, w.message.split(' uses')[0]])).toEqual([
      [8, 'link "ftp://x"'],
      [18, 'link "ftp://y"'],
    ]);
    expect(briefing.sections[0]!.notes).toEqual(['see <a>x</a>.']);
    expect(briefing.sections[2]!.items[0]!.notes).toEqual(['and <a>y</a>.']);
  });
});
