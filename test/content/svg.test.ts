import { describe, expect, it } from 'vitest';
import { svgActiveContent } from '../../src/content/svg.js';

const svg = (inner: string, attributes = '') =>
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;

describe('content SVGs: plain drawings only', () => {
  it.each([
    ['a script', svg('<script>alert(1)</script>'), /<script>/],
    ['a script in CDATA, upper case', svg('<SCRIPT><![CDATA[alert(1)]]></SCRIPT>'), /<script>/],
    ['an onload on the root', svg('<rect/>', ' onload="alert(1)"'), /event handler \(onload\)/],
    ['an onclick on a shape', svg('<circle r="5" onclick="alert(1)"/>'), /event handler \(onclick\)/],
    [
      'HTML in foreignObject',
      svg(
        '<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src=x onerror=alert(1)></body></foreignObject>',
      ),
      /<foreignobject>/,
    ],
    [
      'a link, entity-encoded javascript:',
      svg('<a href="&#106;avascript:alert(1)"><rect width="5" height="5"/></a>'),
      /<a> element/,
    ],
    ['an external image', svg('<image href="https://tracker.example.com/p.png"/>'), /reference to "https:\/\/tracker/],
    [
      'an xlink:href to a file',
      svg('<image xlink:href="../../secret.png"/>'),
      /reference to "\.\.\/\.\.\/secret\.png"/,
    ],
    ['a use of another file', svg('<use href="other.svg#shape"/>'), /<use> element/],
    [
      'a remote url() in a style attribute',
      svg('<rect style="fill: url(https://example.com/x)"/>'),
      /stylesheet reference/,
    ],
    [
      'an @import in a style element',
      svg('<style>@import "https://example.com/x.css";</style>'),
      /stylesheet reference/,
    ],
    [
      'a DTD entity',
      `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`,
      /DTD entity/,
    ],
    [
      'an animation that sets a link',
      svg('<a><set attributeName="href" to="javascript:alert(1)"/></a>'),
      /<a> element|changes a link/,
    ],
    ['an iframe', svg('<iframe src="https://example.com"></iframe>'), /<iframe>/],
  ])('refuses %s', (_name, text, reason) => {
    expect(svgActiveContent(text)).toMatch(reason);
  });

  it.each([
    ['shapes and text', svg('<rect width="10" height="10" fill="#123"/><text x="1" y="9">Attacks per quarter</text>')],
    [
      'a gradient used by url(#id)',
      svg(
        '<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect fill="url(#g)" style="fill: url( \'#g\' )"/>',
      ),
    ],
    [
      'a use of a symbol in the same file',
      svg('<symbol id="s"><circle r="2"/></symbol><use href="#s"/><use xlink:href="#s" x="4"/>'),
    ],
    ['a style element with plain rules', svg('<style>.bar { fill: #b4452c; }</style><rect class="bar"/>')],
  ])('allows %s', (_name, text) => {
    expect(svgActiveContent(text)).toBeUndefined();
  });
});

// Issue 11 item 10: every CSS form that loads a file, and markup that a browser opening the file as XML
// reads differently from an HTML parser. test/e2e/svg-references.test.ts shows in Chromium that these load.
describe('content SVGs: no CSS or markup that loads another file, however written', () => {
  const remote = 'http://127.0.0.1:9/x';
  it.each([
    [
      'url() in a style element',
      svg(`<style>svg { background-image: url(${remote}) }</style>`),
      /stylesheet reference to another file: url\(http:\/\/127\.0\.0\.1:9\/x\)$/,
    ],
    [
      "url( 'quoted' ) with spaces",
      svg(`<style>svg { background-image: url( '${remote}' ) }</style>`),
      /stylesheet reference to another file: url\( 'http/,
    ],
    [
      'image-set() with a bare string',
      svg(`<style>svg { background-image: image-set("${remote}" 1x) }</style>`),
      /stylesheet reference to another file: image-set\("http/,
    ],
    [
      '-webkit-image-set()',
      svg(`<style>svg { background-image: -webkit-image-set("${remote}" 1x) }</style>`),
      /image-set\(/,
    ],
    [
      'image-set() in a style attribute, entity-quoted',
      svg('<rect/>', ` style="background-image: image-set(&quot;${remote}&quot; 1x)"`),
      /image-set\("http/,
    ],
    [
      '@import with a string',
      svg(`<style>@import "${remote}.css";</style>`),
      /stylesheet reference to another file: @import "http/,
    ],
    ['@import with url()', svg(`<style>@import url(${remote}.css);</style>`), /@import url\(http/],
    ['@import written with a CSS escape', svg(`<style>@\\69mport "${remote}.css";</style>`), /@import "http/],
    ['a CSS escape: \\75 rl(', svg(`<style>svg { background-image: \\75 rl(${remote}) }</style>`), /url\(http/],
    [
      'a six-digit CSS escape: \\000075rl(',
      svg(`<style>svg { background-image: \\000075rl(${remote}) }</style>`),
      /url\(http/,
    ],
    ['an XML character reference in an attribute: &#117;rl(', svg(`<rect fill="&#117;rl(${remote}#g)"/>`), /url\(http/],
    [
      'a comment splitting the name: u/**/rl(',
      svg(`<style>svg { background-image: u/**/rl(${remote}) }</style>`),
      /url\(http/,
    ],
    [
      'src: url() in @font-face',
      svg(`<style>@font-face { font-family: X; src: url(${remote}.woff2) }</style>`),
      /url\(http/,
    ],
    ['the CSS src() function', svg(`<style>svg { background-image: src("${remote}") }</style>`), /src\("http/],
    [
      'cross-fade()',
      svg('<style>svg { background-image: cross-fade(url(a.png), url(b.png), 50%) }</style>'),
      /cross-fade\(/,
    ],
    [
      'a CDATA section in a style element',
      svg(`<style><![CDATA[ svg { background-image: image-set("${remote}" 1x) } ]]></style>`),
      /image-set\(/,
    ],
    ['a presentation attribute: fill="url(http…)"', svg(`<rect fill="url(${remote}#g)"/>`), /url\(http/],
    ['a presentation attribute: filter="url(http…)"', svg(`<rect filter="url(${remote}#f)"/>`), /url\(http/],
    ['a cursor url()', svg(`<style>svg { cursor: url(${remote}), auto }</style>`), /url\(http/],
    [
      'a relative url() to a file next to it',
      svg('<style>svg { mask-image: url(secret.png) }</style>'),
      /url\(secret\.png\)/,
    ],
    ['href on <use> to another site', svg(`<use href="${remote}#r"/>`), /<use> element/],
    ['xlink:href on <image>', svg(`<image xlink:href="${remote}"/>`), /reference to "http/],
    ['href on <feImage>', svg(`<filter id="f"><feImage href="${remote}"/></filter>`), /reference to "http/],
    ['href on <a>', svg(`<a href="${remote}"><rect/></a>`), /<a> element/],
    [
      'an <?xml-stylesheet?> processing instruction',
      `<?xml-stylesheet href="${remote}.css" type="text/css"?>${svg('<rect/>')}`,
      /stylesheet processing instruction/,
    ],
    [
      'a <script> inside <title> (raw text to an HTML parser, an element to XML)',
      svg('<title><script>alert(1)</script></title>'),
      /<script> element/,
    ],
    ['a <script> inside <style>', svg('<style><script>alert(1)</script></style>'), /<script> element/],
    [
      'a prefixed <svg:script>',
      svg('<svg:script xmlns:svg="http://www.w3.org/2000/svg">alert(1)</svg:script>'),
      /<script> element/,
    ],
    [
      'an XHTML <html:script>',
      svg('<html:script xmlns:html="http://www.w3.org/1999/xhtml">alert(1)</html:script>'),
      /<script> element/,
    ],
    [
      'an animation that sets a handler',
      svg('<rect><set attributeName="onclick" to="alert(1)"/></rect>'),
      /changes a link or a handler/,
    ],
  ])('refuses %s', (_name, text, reason) => {
    expect(svgActiveContent(text)).toMatch(reason);
  });

  it.each([
    [
      'fragment references in a CDATA style',
      svg(
        '<style><![CDATA[ .a { fill: url(#g); clip-path: url( "#c" ); font-family: "Source Sans 3" } ]]></style><rect class="a"/>',
      ),
    ],
    ['@font-face with a local() font', svg('<style>@font-face { font-family: X; src: local(Arial) }</style>')],
    [
      'colours, transforms and gradients in style attributes',
      svg(
        '<rect style="fill: rgb(1, 2, 3); transform: translate(1px, 2px) rotate(3deg)"/><rect fill="hsl(10 50% 50%)"/>',
      ),
    ],
    ['text with brackets', svg('<text>Attacks (2024), source: ministry</text>')],
  ])('allows %s', (_name, text) => {
    expect(svgActiveContent(text)).toBeUndefined();
  });
});
