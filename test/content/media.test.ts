import { copyFile, mkdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sniffImageType } from '../../src/content/image-type.js';
import { sanitize } from '../../src/content/markdown.js';
import { ContentFiles } from '../../src/content/media.js';
import { parseBriefing } from '../../src/content/parse.js';
import { ContentError } from '../../src/errors.js';
import { FIXTURES, tempDir } from '../helpers.js';

const CHART = path.join(FIXTURES, 'images', 'chart.png');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const SVG =
  '<?xml version="1.0"?>\n<!-- drawn by hand -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>\n';

/** A content folder `root/content` (briefing b.md, images/, other/) and a file outside it, `root/secret.png`. */
let root: string;
let folder: string;
let file: string;

beforeAll(async () => {
  root = await realpath(await tempDir('briefdeck-media-'));
  folder = path.join(root, 'content');
  file = path.join(folder, 'b.md');
  await mkdir(path.join(folder, 'images'), { recursive: true });
  await mkdir(path.join(folder, 'other'), { recursive: true });
  await copyFile(CHART, path.join(folder, 'images', 'chart.png'));
  await writeFile(
    path.join(folder, 'other', 'chart.png'),
    Buffer.concat([await readFile(CHART), Buffer.from('different bytes')]),
  );
  await copyFile(CHART, path.join(folder, 'images', 'My Chart (v2).png'));
  await writeFile(path.join(folder, 'images', 'logo.svg'), SVG);
  await writeFile(path.join(folder, 'images', 'photo.jpg'), JPEG);
  await writeFile(path.join(folder, 'images', 'photo.png'), JPEG); // a JPEG named .png
  await writeFile(path.join(folder, 'images', 'notes.png'), 'just text\n'); // a text file named .png
  await writeFile(path.join(folder, 'images', 'fake.svg'), '<html><body>not svg</body></html>');
  await writeFile(path.join(folder, 'images', 'scripted.svg'), SVG.replace('<rect', '<script>alert(1)</script><rect'));
  await writeFile(path.join(folder, 'notes.txt'), 'text');
  await copyFile(CHART, path.join(root, 'secret.png'));
  await symlink(path.join(root, 'secret.png'), path.join(folder, 'escape.png'));
  await symlink(root, path.join(folder, 'up')); // a folder link that leads out
  await symlink(path.join(folder, 'images', 'chart.png'), path.join(folder, 'inside.png'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

/** The ContentError that resolving `href` as an image throws. */
function imageError(href: string): ContentError {
  try {
    new ContentFiles(file).image(href, 12);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error(`expected ${href} to be refused`);
}

describe('ContentFiles.image: good images', () => {
  it('points an image in a subfolder at a hashed copy in the deck', async () => {
    const files = new ContentFiles(file);
    const url = files.image('images/chart.png', 9);
    expect(url).toMatch(/^assets\/media\/[0-9a-f]{8}-chart\.png$/);
    expect(files.media).toEqual([
      { from: path.join(folder, 'images', 'chart.png'), to: url, contents: await readFile(CHART) },
    ]); // the bytes that were checked
    expect(files.imageUrls).toEqual(new Set([url]));
  });

  it('gives two images with the same name in different folders different copies, and one image named twice one copy', () => {
    const files = new ContentFiles(file);
    const a = files.image('images/chart.png', 1);
    const b = files.image('other/chart.png', 2);
    expect(a).not.toBe(b);
    expect(files.image('./images/chart.png', 3)).toBe(a);
    expect(files.media.map((m) => m.to).sort()).toEqual([a, b].sort());
  });

  it('makes file names URL-safe and reads %-escapes', () => {
    expect(new ContentFiles(file).image('images/My%20Chart%20(v2).png', 1)).toMatch(
      /^assets\/media\/[0-9a-f]{8}-My-Chart-v2-\.png$/,
    );
    expect(new ContentFiles(file).image('<images/My Chart (v2).png>'.slice(1, -1), 1)).toMatch(/-My-Chart-v2-\.png$/);
  });

  it('accepts SVG (shown only through <img>, where it runs no script), JPEG, and a symlink that stays inside', () => {
    const files = new ContentFiles(file);
    expect(files.image('images/logo.svg', 1)).toMatch(/-logo\.svg$/);
    expect(files.image('images/photo.jpg', 1)).toMatch(/-photo\.jpg$/);
    expect(files.image('inside.png', 1)).toMatch(/-inside\.png$/);
    expect(files.media.find((m) => m.to.endsWith('-inside.png'))!.from).toBe(path.join(folder, 'images', 'chart.png'));
  });
});

describe('ContentFiles.image: refused, with the file and line', () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ['missing file', 'images/missing.png', /^image "images\/missing\.png" not found$/, /relative to the folder of/],
    ['../ out of the folder', '../secret.png', /^image "\.\.\/secret\.png" is outside the folder of /, /own folder/],
    ['../../etc/passwd', '../../etc/passwd', /is outside the folder of /, /own folder/],
    ['%-escaped ../', 'images%2F..%2F..%2Fsecret.png', /is outside the folder of /, /own folder/],
    ['backslashes read as slashes', '..\\secret.png', /is outside the folder of /, /own folder/],
    ['absolute path', '/etc/passwd', /^image "\/etc\/passwd" is an absolute path$/, /relative to the folder of/],
    ['Windows absolute path', 'C:\\images\\a.png', /is an absolute path$/, /relative/],
    [
      'symlink to a file outside',
      'escape.png',
      /^image "escape\.png" is a link to a file outside the folder of /,
      /own folder/,
    ],
    [
      'through a folder symlink that leads out',
      'up/secret.png',
      /is a link to a file outside the folder of /,
      /own folder/,
    ],
    [
      'https URL',
      'https://example.com/a.png',
      /^remote image "https:\/\/example\.com\/a\.png" is not allowed$/,
      /offline: save the image next to the briefing/,
    ],
    ['http URL', 'http://example.com/a.png', /^remote image /, /offline/],
    ['protocol-relative URL', '//example.com/a.png', /^remote image /, /offline/],
    [
      'data: URL',
      'data:image/png;base64,iVBORw0KGgo=',
      /^image "data:image\/png;base64,iVBORw0KGgo=": data: URLs are not allowed$/,
      /offline/,
    ],
    ['file: URL', 'file:///etc/passwd', /file: URLs are not allowed$/, /offline/],
    ['javascript: URL', 'javascript:alert(1)', /javascript: URLs are not allowed$/, /offline/],
    ['a folder', 'images', /^image "images" is a folder, not an image file$/, /name the image file itself/],
    ['a text file', 'notes.txt', /^image "notes\.txt" is not a supported image type$/, /\.png .* \.svg/],
    [
      'a text file renamed .png',
      'images/notes.png',
      /^image "images\/notes\.png" is not a PNG file \(its bytes are not an image\)$/,
      /save it as a real PNG/,
    ],
    ['a JPEG named .png', 'images/photo.png', /is not a PNG file \(its bytes are JPEG\)$/, /rename it/],
    ['HTML named .svg', 'images/fake.svg', /is not an SVG file \(its bytes are not an image\)$/, /SVG/],
    [
      'an SVG with a script (it would run if the copy were opened by its URL)',
      'images/scripted.svg',
      /^image "images\/scripted\.svg" is not a plain drawing: it contains a <script> element$/,
      /plain SVG .* or as PNG/,
    ],
    ['empty path', '', /^an image has no path$/, /!\[description\]/],
  ];
  for (const [name, href, what, hint] of cases) {
    it(name, () => {
      const error = imageError(href);
      expect(error.location).toEqual({ file, line: 12 });
      expect(error.what).toMatch(what);
      expect(error.hint).toMatch(hint);
    });
  }

  it('shortens a long URL in the message', () => {
    expect(imageError(`data:image/png;base64,${'A'.repeat(5000)}`).what.length).toBeLessThan(120);
  });
});

describe('ContentFiles.link', () => {
  const files = () => new ContentFiles(file);
  it('allows web, mail and anchor links', () => {
    for (const href of ['https://example.com', 'http://x.org/a', 'mailto:a@b.org', '#top', '#/3', '//example.com/a']) {
      expect(() => files().link(href, 1), href).not.toThrow();
    }
  });
  it('refuses links to local files, which the deck would not carry, even inside the folder', () => {
    for (const href of [
      'notes.txt',
      'images/chart.png',
      'missing/but-inside.pdf',
      'a/../notes.txt#p2',
      'assets/media/x.svg',
    ]) {
      expect(() => files().link(href, 1), href).toThrow(/points to a local file, which the deck does not carry/);
    }
  });
  it('refuses links that lead outside the folder, lexically, through a symlink or behind character references', () => {
    for (const href of [
      '../../secret.txt',
      '../secret.png',
      '/etc/passwd',
      'images/../../x',
      'up/secret.png',
      '..%2Fsecret.png',
      '&#46;&#46;/secret.png',
      '&period;&period;/&period;&period;/etc/passwd',
      '&#x2e;&#x2e;/x',
    ]) {
      expect(() => files().link(href, 7), href).toThrow(/points outside the folder of /);
    }
    expect(() => files().link('../../secret.txt', 7)).toThrow(
      `${file}:7: link "../../secret.txt" points outside the folder of ${file} — link to a web (http/https) or mailto address, or a #slide anchor; show local pictures as images, ![description](images/file.png)`,
    );
  });
});

describe('sniffImageType', () => {
  it('knows each allowed type by its bytes, and nothing else', async () => {
    expect(sniffImageType(await readFile(CHART))).toBe('PNG');
    expect(sniffImageType(JPEG)).toBe('JPEG');
    expect(sniffImageType(GIF)).toBe('GIF');
    expect(sniffImageType(WEBP)).toBe('WebP');
    expect(sniffImageType(Buffer.from(SVG))).toBe('SVG');
    expect(sniffImageType(Buffer.from('\uFEFF<svg viewBox="0 0 1 1"></svg>'))).toBe('SVG');
    for (const other of ['', 'hello', '<html><svg></svg></html>', 'root:x:0:0:root:/root:/bin/bash'])
      expect(sniffImageType(Buffer.from(other)), other).toBeUndefined();
  });
});

describe('sanitize: images', () => {
  it('drops every <img> whose src the content checks did not produce', () => {
    expect(sanitize('<p><img src="assets/media/12345678-a.png" alt="a"></p>')).toBe('<p></p>');
    const allowed = new Set(['assets/media/12345678-a.png']);
    expect(sanitize('<p><img src="assets/media/12345678-a.png" alt="a" onerror="x()" width="9"></p>', allowed)).toBe(
      '<p><img src="assets/media/12345678-a.png" alt="a" /></p>',
    );
    expect(
      sanitize(
        '<img src="https://example.com/a.png"><img src="data:image/png;base64,AA"><img src="//example.com/a.png">',
        new Set(['https://example.com/a.png', 'data:image/png;base64,AA', '//example.com/a.png']),
      ),
    ).toBe('');
  });
});

describe('parseBriefing: images and links in the markdown', () => {
  const front = '---\ntitle: T\n---\n'; // the body starts on line 4
  const rest = '\n## Implications\n\n- One.\n\n## Recommendations\n\n1. Act.\n';
  const parse = (summary: string) => parseBriefing(`${front}## Summary\n\n${summary}\n${rest}`, file);
  const lineOf = (summary: string): number | undefined => {
    try {
      parse(summary);
    } catch (error) {
      if (error instanceof ContentError) return error.location?.line;
      throw error;
    }
    return undefined;
  };

  it('shows a good image, copied, in a paragraph, a list item, a note and a heading', () => {
    const text = `${front}## Summary ![s](images/logo.svg)\n\nBottom line ![a](images/chart.png "Title").\n\n- Item ![b](other/chart.png)\n\nNote: See ![c](images/chart.png)\n${rest}`;
    const { briefing } = parseBriefing(text, file);
    const summary = briefing.sections[0]!;
    expect(summary.lead).toMatch(
      /^<p>Bottom line <img src="assets\/media\/[0-9a-f]{8}-chart\.png" alt="a" title="Title" \/>\.<\/p>$/,
    );
    expect(summary.items[0]!.html).toMatch(/^Item <img src="assets\/media\/[0-9a-f]{8}-chart\.png" alt="b" \/>$/);
    expect(summary.notes[0]).toMatch(/^See <img src="assets\/media\/[0-9a-f]{8}-chart\.png" alt="c" \/>$/);
    expect(summary.title).toMatch(/^Summary <img src="assets\/media\/[0-9a-f]{8}-logo\.svg" alt="s" \/>$/);
    expect(briefing.media.map((m) => path.relative(folder, m.from)).sort()).toEqual([
      'images/chart.png',
      'images/logo.svg',
      'other/chart.png',
    ]);
  });

  it('reports a bad image at its own line: paragraph, later line, list item, nested item, quote, table, heading, note', () => {
    // Summary heading on line 4, its text from line 5.
    expect(lineOf('![x](missing.png)')).toBe(6);
    expect(lineOf('Text.\n\nMore text\nand ![x](missing.png) here.')).toBe(9);
    expect(lineOf('Bottom.\n\n- one\n- two ![x](https://e.org/a.png)')).toBe(9);
    expect(lineOf('Bottom.\n\n- one\n  - nested\n    ![x](/etc/passwd)')).toBe(10);
    expect(lineOf('Bottom.\n\n> quoted\n> ![x](../x.png)')).toBe(9);
    expect(lineOf('Bottom.\n\n| a | b |\n|---|---|\n| 1 | ![x](data:,x) |')).toBe(10);
    expect(lineOf('Bottom.\n\n### Sub ![x](missing.png)')).toBe(8);
    expect(lineOf('Bottom.\n\nNote: say ![x](missing.png)')).toBe(8);
    expect(lineOf('Bottom ![ok](images/chart.png) and [link](../../secret.txt).')).toBe(6);
  });

  it('refuses raw HTML <img>, whatever its src, at the line of the tag', () => {
    for (const html of [
      '<img src="https://example.com/a.png">',
      '<IMG SRC=images/chart.png>',
      '<img\nsrc=x onerror=alert(1)>',
      '<p>\n<img src="images/chart.png">\n</p>',
    ]) {
      const line = lineOf(`Bottom.\n\n${html}`);
      expect(line, html).toBe(html.startsWith('<p>') ? 9 : 8);
    }
    // Not a tag to marked (CommonMark wants a space after the name): it stays text, escaped.
    expect(parse('Bottom <img/src=x onerror=alert(1)>.').briefing.sections[0]!.lead).toBe(
      '<p>Bottom &lt;img/src=x onerror=alert(1)&gt;.</p>',
    );
    expect(() => parse('Bottom <img src="https://example.com/a.png">.')).toThrow(
      `${file}:6: raw HTML <img> is not supported — write the image in markdown, ![description](images/file.png), with the file saved next to the briefing`,
    );
  });

  it('checks links in raw HTML like markdown links', () => {
    expect(lineOf('Bottom.\n\n<p><a href="../../secret.txt">x</a></p>')).toBe(8);
    expect(lineOf('Bottom.\n\nSee <a href="notes.txt">the notes</a>.')).toBe(8); // a local file: not carried by the deck
    expect(lineOf('Bottom <a href="#top">top</a> <a href="https://example.com">web</a>.')).toBeUndefined();
  });
});
