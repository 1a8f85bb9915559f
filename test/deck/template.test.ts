import { existsSync } from 'node:fs';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type BuildOptions } from '../../src/build/batch.js';
import { parseBriefing } from '../../src/content/parse.js';
import { ejectTemplate } from '../../src/deck/eject.js';
import { renderBriefing } from '../../src/deck/render.js';
import { TemplateRegistry } from '../../src/deck/template/registry.js';
import { BriefdeckError, ContentError } from '../../src/errors.js';
import { FIXTURES, SAMPLE, tempDir } from '../helpers.js';

const USER_TEMPLATES = path.join(FIXTURES, 'templates');
const REQUIRED =
  '## Summary\n\nBottom line.\n\n## Implications\n\n- One.\n\n## Recommendations\n\n1. Act.\n\n## Quote\n\n> Words.\n>\n> — Someone\n';

let work: string;
beforeAll(async () => {
  work = await tempDir();
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** Builds HTML only and returns the deck's index.html and theme.css. */
async function buildHtml(options: Partial<BuildOptions> & { paths: string[] }, name = 'out') {
  const outDir = path.join(work, name);
  const result = await build({ outDir, pdf: false, cwd: work, ...options });
  if (result.errors.length) throw result.errors[0];
  const deck = result.decks[0]!;
  return {
    html: await readFile(deck.htmlFile, 'utf8'),
    css: await readFile(path.join(deck.dir, 'assets', 'theme.css'), 'utf8'),
    dir: deck.dir,
  };
}

async function writeBriefing(name: string, frontMatter: string, body = REQUIRED): Promise<string> {
  const file = path.join(work, name);
  await writeFile(file, `---\n${frontMatter}\n---\n${body}`);
  return file;
}

describe('user templates that extend a built-in one', () => {
  it('use the overridden partial and option default, and fall back to the parent for everything else', async () => {
    const { html, css, dir } = await buildHtml(
      { paths: [SAMPLE], templates: [USER_TEMPLATES], template: 'brand' },
      'brand',
    );
    expect(html).toContain('<figure class="brand-quote">');
    expect(html).toContain('<figcaption>Said by George W. Bush');
    expect(html).not.toContain('quote__text'); // the default quote partial is not used
    expect(html).toContain('<ol class="numbered numbered--recommendations"'); // the default recommendations partial is
    expect(html).toContain('--accent: #0b5394');
    // Stylesheets stack: the parent's rules first, then the child's.
    const defaultCss = await readFile(path.join('templates', 'default', 'theme.css'), 'utf8');
    expect(css.startsWith(defaultCss)).toBe(true);
    expect(css.endsWith('.brand-quote blockquote { font-size: 40px; }\n')).toBe(true);
    expect(existsSync(path.join(dir, 'assets', 'template', 'mark.svg'))).toBe(true);
  });

  it('can be named in front matter, and a single template folder works as --templates too', async () => {
    const file = await writeBriefing('fm.md', 'title: T\ntemplate: brand');
    const { html } = await buildHtml({ paths: [file], templates: [path.join(USER_TEMPLATES, 'brand')] }, 'fm');
    expect(html).toContain('brand-quote');
  });

  it('the worked example in templates/README.md builds as documented', async () => {
    const { html, css } = await buildHtml(
      { paths: [SAMPLE], templates: ['examples/templates'], template: 'house' },
      'house',
    );
    expect(html).toContain('<ol class="numbered house-columns">');
    expect(html).toContain('--accent: #1d6b3a');
    expect(css).toContain('.house-columns {\n  columns: 2;');
  });

  it('give partials an inline-markdown helper that sanitizes', async () => {
    const dir = path.join(work, 'md-helper');
    await mkdir(path.join(dir, 'partials'), { recursive: true });
    await writeFile(path.join(dir, 'template.json'), JSON.stringify({ name: 'md-helper', extends: 'default' }));
    await writeFile(path.join(dir, 'partials', 'title.hbs'), '<p class="sub">{{markdown @root.meta.subtitle}}</p>\n');
    const file = await writeBriefing('md.md', 'title: T\nsubtitle: "A *big* <script>alert(1)</script> day"');
    const { html } = await buildHtml({ paths: [file], templates: [dir], template: 'md-helper' }, 'md');
    expect(html).toContain('<p class="sub">A <em>big</em>  day</p>');
  });

  it('lists user templates before the built-in ones', async () => {
    const names = (await new TemplateRegistry([USER_TEMPLATES]).list()).map((t) => [t.name, t.builtin, t.extends]);
    expect(names).toEqual([
      ['brand', false, 'default'],
      ['dark', true, 'default'],
      ['default', true, undefined],
      ['print', true, 'default'],
    ]);
  });
});

describe('template options', () => {
  it('come from the config file, and front matter overrides the config', async () => {
    await writeFile(
      path.join(work, 'briefdeck.config.yaml'),
      'options:\n  footer: From the config\n  accent: "#123456"\n',
    );
    try {
      const file = await writeBriefing('opts.md', 'title: T\noptions:\n  accent: "#654321"');
      const { html } = await buildHtml({ paths: [file] }, 'opts');
      expect(html).toContain('<span class="slide__footer-text">From the config</span>');
      expect(html).toContain('--accent: #654321');
    } finally {
      await rm(path.join(work, 'briefdeck.config.yaml'));
    }
  });

  it('reject an unknown option in the config at its line', async () => {
    await writeFile(path.join(work, 'briefdeck.config.yaml'), 'template: default\noptions:\n  accnt: "#123456"\n');
    try {
      const file = await writeBriefing('cfg.md', 'title: T');
      await expect(buildHtml({ paths: [file] }, 'cfg')).rejects.toThrow(
        /^briefdeck\.config\.yaml:3: unknown option "accnt" for template "default" — allowed options: accent, logo, footer, size$/,
      );
    } finally {
      await rm(path.join(work, 'briefdeck.config.yaml'));
    }
  });

  it('check enum values and name the allowed ones', async () => {
    const file = await writeBriefing('size.md', 'title: T\noptions:\n  size: "21:9"');
    await expect(buildHtml({ paths: [file] }, 'size')).rejects.toThrow(
      /size\.md:4: option "size" must be one of "16:9", "4:3" — got "21:9"/,
    );
  });

  it('switch the slide size to 4:3', async () => {
    const file = await writeBriefing('four-three.md', 'title: T\noptions:\n  size: "4:3"');
    const { html } = await buildHtml({ paths: [file] }, 'four-three');
    const config = JSON.parse(/id="briefdeck-config">([^<]*)</.exec(html)![1]!);
    expect([config.width, config.height]).toEqual([1024, 768]);
  });

  it('copy an image option into the deck, or say which file is missing', async () => {
    await cp(path.join(FIXTURES, 'logo.svg'), path.join(work, 'logo.svg'));
    const file = await writeBriefing('logo.md', 'title: T\noptions:\n  logo: logo.svg');
    const { html, dir } = await buildHtml({ paths: [file] }, 'logo');
    expect(html).toContain('<img class="title__logo" src="assets/media/logo.svg" alt="">');
    expect(await readFile(path.join(dir, 'assets/media/logo.svg'), 'utf8')).toContain('LOGO');
    const missing = await writeBriefing('nologo.md', 'title: T\noptions:\n  logo: nowhere.png');
    await expect(buildHtml({ paths: [missing] }, 'nologo')).rejects.toThrow(
      /nologo\.md:4: option "logo": image "nowhere\.png" not found — the path is relative to the folder of /,
    );
    const outside = await writeBriefing('outside.md', 'title: T\noptions:\n  logo: ../../etc/logo.png');
    await expect(buildHtml({ paths: [outside] }, 'outside')).rejects.toThrow(
      /outside\.md:4: option "logo": image "\.\.\/\.\.\/etc\/logo\.png" is outside the folder of .* — content may only use files in its own folder or below it/,
    );
  });
});

describe('eject', () => {
  for (const name of ['default', 'dark']) {
    it(`copies "${name}" so that building with the copy gives byte-identical HTML and CSS`, async () => {
      const ejected = path.join(work, `ejected-${name}`);
      await ejectTemplate(new TemplateRegistry(), name, ejected);
      expect(JSON.parse(await readFile(path.join(ejected, 'template.json'), 'utf8')).extends).toBeUndefined();
      const original = await buildHtml({ paths: [SAMPLE], template: name }, `orig-${name}`);
      const copy = await buildHtml(
        { paths: [SAMPLE], templates: [ejected], template: `ejected-${name}` },
        `copy-${name}`,
      );
      expect(copy.html).toBe(original.html);
      expect(copy.css).toBe(original.css);
    });
  }

  it('refuses to write into a folder that is not empty', async () => {
    const dir = path.join(work, 'full');
    await mkdir(dir);
    await writeFile(path.join(dir, 'keep.txt'), 'mine');
    await expect(ejectTemplate(new TemplateRegistry(), 'default', dir)).rejects.toThrow(
      /is not empty — choose a new folder, or pass --force/,
    );
  });
});

describe('errors in user templates name the template file and line', () => {
  async function brokenTemplate(name: string, files: Record<string, string>): Promise<string> {
    const dir = path.join(work, 'broken', name);
    await mkdir(path.join(dir, 'partials'), { recursive: true });
    await writeFile(path.join(dir, 'template.json'), JSON.stringify({ name, extends: 'default' }));
    for (const [file, text] of Object.entries(files)) await writeFile(path.join(dir, file), text);
    return dir;
  }

  async function errorOf(dir: string, name: string): Promise<BriefdeckError> {
    const registry = new TemplateRegistry([dir]);
    const { briefing } = parseBriefing(`---\ntitle: T\n---\n${REQUIRED}`, 'x.md');
    try {
      await renderBriefing(briefing, { registry, template: name });
    } catch (error) {
      if (error instanceof BriefdeckError) return error;
      throw error;
    }
    throw new Error('expected an error');
  }

  it('a Handlebars syntax error', async () => {
    const dir = await brokenTemplate('syntax', {
      'partials/summary.hbs': '<h2>{{{titleHtml}}}</h2>\n<p>{{#if leadHtml}}{{{leadHtml}}}</p>\n',
    });
    const error = await errorOf(dir, 'syntax');
    expect(error.message).toMatch(
      new RegExp(
        `^${path.join(dir, 'partials', 'summary.hbs')}:2: \\{\\{#if\\}\\} is never closed — add \\{\\{/if\\}\\}$`,
      ),
    );
  });

  it('a missing partial', async () => {
    const dir = await brokenTemplate('nopartial', {
      'partials/summary.hbs': '<h2>{{{titleHtml}}}</h2>\n\n{{> sidebar}}\n',
    });
    const error = await errorOf(dir, 'nopartial');
    expect(error.message).toMatch(
      new RegExp(
        `^${path.join(dir, 'partials', 'summary.hbs')}:3: missing partial "sidebar" — create partials/sidebar\\.hbs`,
      ),
    );
  });

  it('an unknown helper', async () => {
    const dir = await brokenTemplate('nohelper', {
      'partials/summary.hbs': '<h2>{{{titleHtml}}}</h2>\n<p>{{uppercase titleHtml}}</p>\n',
    });
    const error = await errorOf(dir, 'nohelper');
    expect(error.message).toMatch(
      new RegExp(
        `^${path.join(dir, 'partials', 'summary.hbs')}:2: unknown helper "uppercase" — templates can use: formatDate, formatNumber, t, eq, json, markdown`,
      ),
    );
  });

  it("a helper's plain-text result printed with {{{ }}}, and what may be printed either way", async () => {
    const dir = await brokenTemplate('rawdate', {
      'partials/title.hbs': '<h1>{{@root.meta.title}}</h1>\n<p>{{{formatDate @root.meta.date}}}</p>\n',
    });
    const error = await errorOf(dir, 'rawdate');
    expect(error.message).toBe(
      `${path.join(dir, 'partials', 'title.hbs')}:2: what "formatDate" gives is plain text, printed with {{{ }}} — write {{formatDate …}}: {{{ }}} would turn a "<" in it into markup (only fields named …Html hold HTML)`,
    );
    // markdown gives sanitized HTML that {{ }} does not escape; json goes raw into a script or escaped into an attribute.
    const fine = await brokenTemplate('either', {
      'partials/title.hbs':
        '<h1>{{markdown @root.meta.title}}{{{markdown @root.meta.title}}}</h1>\n<p data-size="{{json @root.size}}">{{{json @root.size}}}</p>\n',
    });
    const registry = new TemplateRegistry([fine]);
    const { briefing } = parseBriefing(`---\ntitle: A *b*\n---\n${REQUIRED}`, 'x.md');
    const { html } = await renderBriefing(briefing, { registry, template: 'either' });
    expect(html).toContain('<h1>A <em>b</em>A <em>b</em></h1>');
    expect(html).toContain(
      '<p data-size="{&quot;width&quot;:1280,&quot;height&quot;:720}">{"width":1280,"height":720}</p>',
    );
  });

  it('extends a template that does not exist', async () => {
    const dir = path.join(work, 'broken', 'orphan');
    await mkdir(dir, { recursive: true });
    await writeFile(path.join(dir, 'template.json'), JSON.stringify({ name: 'orphan', extends: 'fancy' }));
    const error = await errorOf(dir, 'orphan');
    expect(error.message).toBe(
      `${path.join(dir, 'template.json')}: template "orphan" extends unknown template "fancy" — use one of: orphan, dark, default, print (and no cycles)`,
    );
  });
});

describe('markings', () => {
  const parse = (marking: string) =>
    parseBriefing(`---\ntitle: T\nmarking: "${marking}"\n---\n${REQUIRED}`, 'm.md').briefing.meta.marking;

  it('accepts the TLP 2.0 labels (normalising case) and free text as written', () => {
    expect(['TLP:CLEAR', 'TLP:GREEN', 'TLP:AMBER', 'TLP:AMBER+STRICT', 'TLP:RED'].map(parse)).toEqual([
      'TLP:CLEAR',
      'TLP:GREEN',
      'TLP:AMBER',
      'TLP:AMBER+STRICT',
      'TLP:RED',
    ]);
    expect(parse('tlp:amber+strict')).toBe('TLP:AMBER+STRICT');
    expect(parse('UNCLASSIFIED // FOR OFFICIAL USE')).toBe('UNCLASSIFIED // FOR OFFICIAL USE');
  });

  it('rejects TLP:WHITE with a hint to use TLP:CLEAR, and unknown TLP labels', () => {
    expect(() => parse('TLP:WHITE')).toThrow(ContentError);
    expect(() => parse('TLP:WHITE')).toThrow(
      /^m\.md:3: front matter: "marking" must be TLP:CLEAR, not TLP:WHITE \(renamed in TLP 2\.0\) — use one of TLP:CLEAR/,
    );
    expect(() => parse('TLP:BLUE')).toThrow(/must be a TLP 2\.0 label, not TLP:BLUE/);
  });
});
