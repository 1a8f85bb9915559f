import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  installedDeckPolicy,
  sha256Source,
  speakerViewHtml,
  speakerViewInlineScripts,
  speakerViewScriptHash,
  withContentSecurityPolicy,
} from '../../src/deck/csp.js';
import { renderIndexPage } from '../../src/output/index-page.js';
import { BriefdeckError } from '../../src/errors.js';

const NOTES_JS = path.join(path.dirname(createRequire(import.meta.url).resolve('reveal.js')), 'plugin', 'notes.js');

/** A stand-in for notes.js: a minified popup that writes `page` (a template literal body, as written in source). */
const plugin = (page: string) => `function r(){t=window.open(\`about:blank\`),t.document.write(\`${page}\`)}`;

describe("the speaker view's script hash, from reveal's notes plugin", () => {
  it('finds exactly one inline script in the installed notes.js, and hashes it', async () => {
    const source = await readFile(NOTES_JS, 'utf8');
    const scripts = speakerViewInlineScripts(source);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]!.length).toBeGreaterThan(10_000); // the whole speaker view runs in it
    expect(scripts[0]).toContain('reveal.js'); // and talks to the deck by postMessage
    expect(speakerViewScriptHash(source)).toMatch(/^sha256-[A-Za-z0-9+/]{43}=$/);
  });

  it('reads the page exactly as JavaScript does (checked against evaluating the literal)', async () => {
    const source = await readFile(NOTES_JS, 'utf8');
    const start = source.indexOf('.document.write(`') + '.document.write('.length;
    const literal = source.slice(start, source.indexOf('`', start + 1) + 1);
    // Only the test evaluates code from node_modules, and only after checking it has no interpolation.
    expect(literal).not.toContain('${');
    const evaluated = new Function(`return ${literal}`)() as string;
    expect(speakerViewHtml(source)).toBe(evaluated);
  });

  it('unescapes what a minifier writes: \\x.., \\u...., \\\\, \\/, \\`, line continuations', () => {
    const html = speakerViewHtml(
      plugin(String.raw`<p>a\x3cb\u00e9\\\/\`\$c\
d</p>`),
    );
    expect(html).toBe('<p>a<bé\\/`$cd</p>');
  });

  it('hashes the script text as the browser sees it (CR LF becomes LF)', () => {
    const hash = speakerViewScriptHash(plugin('<script>a();\\r\\nb();</script>'));
    expect(hash).toBe(sha256Source('a();\nb();'));
  });

  it('ignores scripts with a src (the policy allows those by origin)', () => {
    expect(speakerViewInlineScripts(plugin('<script src="x.js"></script><script>go()</script>'))).toEqual(['go()']);
  });

  it('fails loudly, with a BriefdeckError naming notes.js, when reveal changes shape', () => {
    const cases = {
      'no document.write': 'function r(){t=window.open(`about:blank`)}',
      'two document.writes': `${plugin('<script>a()</script>')};${plugin('<p></p>')}`,
      'no inline script': plugin('<p>no script</p>'),
      'two inline scripts': plugin('<script>a()</script><script>b()</script>'),
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the plugin source holds a literal ${…} on purpose.
      'an interpolation': plugin('<script>${evil()}</script>'),
      'an unknown escape': plugin('<script>\\q</script>'),
      'an octal escape': plugin('<script>\\01</script>'),
      'an unterminated literal': 't.document.write(`<script>a()</script>',
    };
    for (const [name, source] of Object.entries(cases)) {
      let thrown: unknown;
      try {
        speakerViewScriptHash(source);
      } catch (error) {
        thrown = error;
      }
      expect(thrown, name).toBeInstanceOf(BriefdeckError);
      expect((thrown as Error).message, name).toMatch(/speaker view.*notes\.js/);
    }
  });

  it("puts the installed plugin's hash into the deck policy, with no 'unsafe-inline' or eval for scripts", async () => {
    const policy = installedDeckPolicy();
    const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src '));
    expect(scriptSrc).toBe(`script-src 'self' '${speakerViewScriptHash(await readFile(NOTES_JS, 'utf8'))}'`);
    expect(policy).toMatch(/^default-src 'none'; /);
  });
});

describe('withContentSecurityPolicy', () => {
  const meta = '<meta http-equiv="Content-Security-Policy" content="default-src &quot;x&quot;">';
  const add = (html: string) => withContentSecurityPolicy(html, 'default-src "x"');

  it('puts the meta first inside <head>, before anything that could load', () => {
    expect(add('<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="a.css"></head>')).toBe(
      `<!doctype html><html><head>\n${meta}<meta charset="utf-8"><link rel="stylesheet" href="a.css"></head>`,
    );
    expect(add('<HEAD data-x="1"><title>t</title>')).toBe(`<HEAD data-x="1">\n${meta}<title>t</title>`);
  });

  it('without <head>: right after <html …> (not after a <header>), else after the doctype, else at the start', () => {
    expect(add('<!doctype html><html lang="en"><header>x</header>')).toBe(
      `<!doctype html><html lang="en">\n${meta}<header>x</header>`,
    );
    // Before the doctype it would put the page in quirks mode.
    expect(add('<!DOCTYPE html>\n<title>t</title>')).toBe(`<!DOCTYPE html>\n${meta}\n<title>t</title>`);
    expect(add('<title>t</title>')).toBe(`${meta}\n<title>t</title>`);
  });

  it('does not take a <head> inside a comment for the head', () => {
    expect(add('<!doctype html><!-- <head> goes below --><html><head><title>t</title>')).toBe(
      `<!doctype html><!-- <head> goes below --><html><head>\n${meta}<title>t</title>`,
    );
  });
});

describe("the index page's policy", () => {
  it("allows exactly its own <style> block, by hash, and no file but same-origin images (the decks' --thumbnails) and scripts (serve live reload)", () => {
    const html = renderIndexPage([]);
    const policy = /<head>\n<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(policy).toBe(
      `default-src 'none'; script-src 'self'; style-src '${sha256Source(style)}'; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; object-src 'none'`,
    );
    expect(html).not.toMatch(/<script\b/);
  });
});
