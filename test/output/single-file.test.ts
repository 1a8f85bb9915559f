// The single-file inliner (output/single-file.ts) on small decks in memory: what it inlines, the
// policy it writes, and the one error, naming the reference, for anything it cannot carry.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { tagsIn } from '../../src/html-text.js';
import { type DeckFiles, inlineSrcset, singleFileHtml } from '../../src/output/single-file.js';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
const WOFF2 = Uint8Array.from([0x77, 0x4f, 0x46, 0x32, 9, 9]);
const text = (value: string) => new TextEncoder().encode(value);
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function deck(body: string, files: Record<string, string | Uint8Array> = {}): { html: string; files: DeckFiles } {
  const all: Record<string, string | Uint8Array> = {
    'assets/theme.css': '.a { background: url(template/bg.png); }',
    'assets/template/bg.png': PNG,
    'assets/deck.js': 'start();',
    ...files,
  };
  return {
    html: `<!doctype html><html lang="en"><head>\n<meta http-equiv="Content-Security-Policy" content="default-src 'self'">\n<link rel="stylesheet" href="assets/theme.css"></head><body>${body}<script src="assets/deck.js"></script></body></html>`,
    files: new Map(Object.entries(all).map(([name, value]) => [name, typeof value === 'string' ? text(value) : value])),
  };
}

function inline(body: string, files?: Record<string, string | Uint8Array>): string {
  const input = deck(body, files);
  return singleFileHtml(input.html, input.files);
}

function failure(body: string, files?: Record<string, string | Uint8Array>): OutputError {
  try {
    inline(body, files);
  } catch (error) {
    expect(error).toBeInstanceOf(OutputError);
    return error as OutputError;
  }
  throw new Error('expected an OutputError');
}

const policyOf = (html: string) =>
  tagsIn(html).find((tag) => tag.attribs['http-equiv'] === 'Content-Security-Policy')!.attribs.content!;

describe('singleFileHtml', () => {
  it('inlines stylesheets (their url()s relative to the sheet), scripts and images, and hashes each script into the policy', () => {
    const html = inline('<img src="assets/template/bg.png" alt="">');
    expect(html).not.toMatch(/<link|src="assets|url\(template/);
    expect(html).toContain(`<style>.a { background: url(data:image/png;base64,${base64(PNG)}); }</style>`);
    expect(html).toContain(`<img src="data:image/png;base64,${base64(PNG)}" alt="">`);
    expect(html).toContain('<script>start();</script>');
    const policy = policyOf(html);
    expect(policy).toContain(`'sha256-${createHash('sha256').update('start();').digest('base64')}'`);
    expect(policy).toMatch(/font-src data:; /);
    expect(policy).not.toMatch(/script-src[^;]*('self'|'unsafe-inline')/);
    expect(tagsIn(html).filter((tag) => tag.attribs['http-equiv'])).toHaveLength(1);
  });

  it('keeps a script whole that holds </script> and <!--, and hashes the text the browser will read', () => {
    const source = 'document.write("<!--x--><script>a()</script>");\r\nvar re = /<\\/script/;';
    const html = inline('', { 'assets/deck.js': source });
    const [, body] = /<script>([\s\S]*?)<\/script>/.exec(html)!;
    expect(body).toBe('document.write("\\x3C!--x--><script>a()\\x3C/script>");\nvar re = /<\\/script/;');
    // Its meaning is unchanged: the same string as the original evaluates to.
    expect(new Function(`return ${body!.split(';')[0]!.replace('document.write', '')}`)()).toBe(
      '<!--x--><script>a()</script>',
    );
    expect(policyOf(html)).toContain(`'sha256-${createHash('sha256').update(body!).digest('base64')}'`);
  });

  it('leaves out an @font-face for characters the deck does not have', () => {
    const fonts = [
      '@font-face { font-family: F; src: url(latin.woff2); unicode-range: U+0000-00FF; }',
      '@font-face { font-family: F; src: url(cyrillic.woff2); unicode-range: U+0400-045F; }',
    ].join('\n');
    const files = {
      'assets/fonts/fonts.css': fonts,
      'assets/fonts/latin.woff2': WOFF2,
      'assets/fonts/cyrillic.woff2': WOFF2,
    };
    const link = '<link rel="stylesheet" href="assets/fonts/fonts.css">';
    const latin = inline(`${link}<p>Plain text</p>`, files);
    expect(latin.match(/@font-face/g)).toHaveLength(1);
    expect(latin).toContain('U+0000-00FF');
    // A character reference counts as the character.
    const cyrillic = inline(`${link}<p>&#x416;</p>`, files);
    expect(cyrillic.match(/@font-face/g)).toHaveLength(2);
  });

  it('inlines a local @import and keeps links out and fragments as they are', () => {
    const html = inline(
      '<style>@import "assets/more.css"; p { color: red }</style><a href="https://example.org/x">x</a><a href="#sources">s</a><svg><use href="#icon"/></svg>',
      { 'assets/more.css': 'h1 { background: url("template/bg.png") }' },
    );
    expect(html).toContain(
      `<style>h1 { background: url("data:image/png;base64,${base64(PNG)}") } p { color: red }</style>`,
    );
    expect(html).toContain(
      '<a href="https://example.org/x">x</a><a href="#sources">s</a><svg><use href="#icon"/></svg>',
    );
  });

  it('reads srcset as the HTML standard does (commas inside a URL, descriptors)', () => {
    expect(inlineSrcset('a.png 1x, b,c.png 2x,d.png', (url) => `[${url}]`)).toBe('[a.png] 1x, [b,c.png] 2x, [d.png]');
  });

  it.each([
    [
      'a missing image',
      '<img src="assets/media/gone.png" alt="">',
      /"assets\/media\/gone.png" \(<img src> in index.html\): the deck has no file assets\/media\/gone.png/,
    ],
    [
      'a remote image',
      '<img src="https://example.org/x.png" alt="">',
      /"https:\/\/example.org\/x.png" \(<img src> in index.html\): it is on another server/,
    ],
    [
      'a remote stylesheet',
      '<link rel="stylesheet" href="//cdn.example.org/x.css">',
      /"\/\/cdn.example.org\/x.css" .*on another server/,
    ],
    [
      'a remote script',
      '<script src="http://example.org/x.js"></script>',
      /"http:\/\/example.org\/x.js" \(<script src> in index.html\)/,
    ],
    [
      'a remote srcset candidate',
      '<img src="assets/template/bg.png" srcset="assets/template/bg.png 1x, https://example.org/2x.png 2x" alt="">',
      /"https:\/\/example.org\/2x.png" \(<img srcset>/,
    ],
    [
      'a remote url() in a style attribute',
      '<p style="background: url(https://example.org/b.png)">x</p>',
      /"https:\/\/example.org\/b.png" \(a CSS url\(\) in index.html\)/,
    ],
    [
      'a remote @import',
      '<style>@import url(http://example.org/a.css);</style>',
      /"http:\/\/example.org\/a.css" \(a CSS @import in index.html\)/,
    ],
    [
      'an unknown scheme',
      '<img src="ftp://example.org/x.png" alt="">',
      /"ftp:\/\/example.org\/x.png" .*ftp: URLs cannot be inlined/,
    ],
    [
      'an SVG image elsewhere',
      '<svg><image href="http://example.org/i.svg"/></svg>',
      /"http:\/\/example.org\/i.svg" \(<image href>/,
    ],
    [
      'a path out of the deck folder',
      '<img src="../other/x.png" alt="">',
      /"..\/other\/x.png" .*points outside the deck folder/,
    ],
    ['a frame', '<iframe src="assets/template/bg.png"></iframe>', /"assets\/template\/bg.png" \(<iframe src>, a frame/],
    [
      'a link to a file beside the deck',
      '<a href="notes.pdf">notes</a>',
      /"notes.pdf" \(<a href> in index.html\): it links to a file beside the deck/,
    ],
  ])('refuses %s, naming it', (_name, body, message) => {
    const error = failure(body);
    expect(error.what).toMatch(/^the single file cannot carry /);
    expect(error.what).toMatch(message);
    expect(error.hint).not.toBe('');
  });

  it('refuses a missing file in a stylesheet, naming the sheet and the path it resolved to', () => {
    const error = failure('', { 'assets/theme.css': '.a { background: url(template/none.png) }' });
    expect(error.what).toBe(
      'the single file cannot carry "template/none.png" (a CSS url() in assets/theme.css): the deck has no file assets/template/none.png',
    );
  });

  it('refuses an @import with conditions and an @import cycle', () => {
    expect(failure('<style>@import "assets/theme.css" print;</style>').what).toMatch(
      /cannot inline .*@import "assets\/theme.css" print;/,
    );
    expect(failure('', { 'assets/theme.css': '@import "theme.css";' }).what).toMatch(/@import cycle/);
  });
});

describe('an image shown on several slides (a logo)', () => {
  it('is carried once: the first <img> has its data: URL, the others copy it by a hashed script that runs before the deck’s', () => {
    const img = '<img class="logo" src="assets/template/bg.png" alt="">';
    const html = inline(`<section>${img}</section><section>${img}</section><section>${img}</section>`);
    expect(html.split(base64(PNG))).toHaveLength(2 + 1); // once in the <img>, once in theme.css's url()
    const images = tagsIn(html).filter((tag) => tag.name === 'img');
    expect(images.map((tag) => [tag.attribs.src?.slice(0, 15), tag.attribs['data-briefdeck-image']])).toEqual([
      ['data:image/png;', '1'],
      [undefined, '1'],
      [undefined, '1'],
    ]);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    expect(scripts[1]).toBe('start();');
    expect(policyOf(html)).toContain(`'sha256-${createHash('sha256').update(scripts[0]!).digest('base64')}'`);
  });
});
