import { cp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { renderBriefing } from '../../src/deck/render.js';
import { BUILTIN_TEMPLATES, TemplateRegistry } from '../../src/deck/template/registry.js';
import { TemplateError } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

const ARTICLE = `---\ntitle: T\n---\n## Summary\n\nB.\n\n## Implications\n\n- I.\n\n## Recommendations\n\n1. Act.\n`;
const DECISION = `---\ntitle: T\ntype: decision\n---\n## Summary\n\nB.\n\n## Key judgments\n\n- [moderate] J.\n\n## Implications\n\n- I.\n\n## Options\n\n### Buy\n\n- Pro: quick\n\n## Recommendation\n\nBuy.\n`;

const render = (text: string, registry = new TemplateRegistry(), template?: string) =>
  renderBriefing(parseBriefing(text, 'x.md').briefing, { registry, template });

describe('the built-in templates draw the briefing types', () => {
  it.each(['default', 'dark', 'print'])('%s: kicker, options, the briefer’s recommendation, badges', async (name) => {
    const { html } = await render(DECISION, new TemplateRegistry(), name);
    expect(html).toContain('<p class="title__kicker">Decision briefing</p>');
    expect(html).toMatch(/<p class="slide__kicker">Option 1<\/p>\s*<h2 class="slide__title">Buy/);
    expect(html).toMatch(
      /<h3 class="option__label">Advantages<\/h3>\s*<ul class="bullets">\s*<li dir="auto">quick<\/li>/,
    );
    expect(html).toContain('<h3 class="option__label">Disadvantages</h3>');
    expect(html).toMatch(/<p class="slide__kicker">Our recommendation<\/p>[\s\S]*<div class="briefer-recommendation">/);
    expect(html).toContain('<span class="confidence confidence-moderate">Moderate confidence</span>');
    expect(html).toContain('<section class="slide slide--legend"');
  });

  it('an article’s title slide says Briefing; an information briefing’s says so', async () => {
    expect((await render(ARTICLE)).html).toContain('<p class="title__kicker">Briefing</p>');
    const information = ARTICLE.replace('title: T', 'title: T\ntype: information').replace(
      /## Recommendations[\s\S]*/,
      '',
    );
    expect((await render(information)).html).toContain('<p class="title__kicker">Information briefing</p>');
  });
});

describe('a template made before briefing types', () => {
  let dir: string;
  beforeAll(async () => {
    // The default template without the partials of the newer slide kinds, extending nothing.
    dir = path.join(await tempDir(), 'older');
    await cp(path.join(BUILTIN_TEMPLATES, 'default'), dir, { recursive: true });
    const manifest = path.join(dir, 'template.json');
    await writeFile(manifest, JSON.stringify({ ...JSON.parse(await readFile(manifest, 'utf8')), name: 'older' }));
    for (const kind of ['option', 'recommendation', 'judgments', 'legend'])
      await rm(path.join(dir, 'partials', `${kind}.hbs`));
  });

  it('still builds a briefing that has none of their slides', async () => {
    const { html } = await render(ARTICLE, new TemplateRegistry([path.dirname(dir)]), 'older');
    expect(html).toContain('slide--recommendations');
  });

  it('says which partial a briefing with such a slide needs', async () => {
    const error = await render(DECISION, new TemplateRegistry([path.dirname(dir)]), 'older').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TemplateError);
    expect((error as TemplateError).message).toBe(
      `${dir}: template "older" has no partial for slide kind "judgments", which slide 3 ("Key judgments") needs — add partials/judgments.hbs (\`briefdeck template eject default\` shows the built-in one), or extend "default"`,
    );
  });
});
