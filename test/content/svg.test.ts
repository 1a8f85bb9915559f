import { describe, expect, it } from 'vitest';
import { svgActiveContent } from '../../src/content/svg.js';

const svg = (inner: string, attributes = '') => `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"${attributes}>${inner}</svg>`;

describe('content SVGs: plain drawings only', () => {
  it.each([
    ['a script', svg('<script>alert(1)</script>'), /<script>/],
    ['a script in CDATA, upper case', svg('<SCRIPT><![CDATA[alert(1)]]></SCRIPT>'), /<script>/],
    ['an onload on the root', svg('<rect/>', ' onload="alert(1)"'), /event handler \(onload\)/],
    ['an onclick on a shape', svg('<circle r="5" onclick="alert(1)"/>'), /event handler \(onclick\)/],
    ['HTML in foreignObject', svg('<foreignObject><body xmlns="http://www.w3.org/1999/xhtml"><img src=x onerror=alert(1)></body></foreignObject>'), /<foreignobject>/],
    ['a link, entity-encoded javascript:', svg('<a href="&#106;avascript:alert(1)"><rect width="5" height="5"/></a>'), /<a> element/],
    ['an external image', svg('<image href="https://tracker.example.com/p.png"/>'), /reference to "https:\/\/tracker/],
    ['an xlink:href to a file', svg('<image xlink:href="../../secret.png"/>'), /reference to "\.\.\/\.\.\/secret\.png"/],
    ['a use of another file', svg('<use href="other.svg#shape"/>'), /<use> element/],
    ['a remote url() in a style attribute', svg('<rect style="fill: url(https://example.com/x)"/>'), /stylesheet reference/],
    ['an @import in a style element', svg('<style>@import "https://example.com/x.css";</style>'), /stylesheet reference/],
    ['a DTD entity', `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>${svg('<text>&x;</text>')}`, /DTD entity/],
    ['an animation that sets a link', svg('<a><set attributeName="href" to="javascript:alert(1)"/></a>'), /<a> element|changes a link/],
    ['an iframe', svg('<iframe src="https://example.com"></iframe>'), /<iframe>/],
  ])('refuses %s', (_name, text, reason) => {
    expect(svgActiveContent(text)).toMatch(reason);
  });

  it.each([
    ['shapes and text', svg('<rect width="10" height="10" fill="#123"/><text x="1" y="9">Attacks per quarter</text>')],
    ['a gradient used by url(#id)', svg('<defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect fill="url(#g)" style="fill: url( \'#g\' )"/>')],
    ['a use of a symbol in the same file', svg('<symbol id="s"><circle r="2"/></symbol><use href="#s"/><use xlink:href="#s" x="4"/>')],
    ['a style element with plain rules', svg('<style>.bar { fill: #b4452c; }</style><rect class="bar"/>')],
  ])('allows %s', (_name, text) => {
    expect(svgActiveContent(text)).toBeUndefined();
  });
});
