// The index page speaks the language of the decks it lists, in the project's own words when its config
// has them; a folder of decks in several languages gets an English page with each title marked.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers.js';

const briefing = (title: string, lang: string, headings: [string, string, string]) => `---
title: ${title}
date: 2026-11-29
lang: ${lang}
draft: true
---

## ${headings[0]}

Texte.

## ${headings[1]}

- Un.

## ${headings[2]}

1. Deux.
`;

const FRENCH: [string, string, string] = ['Synthèse', 'Implications', 'Recommandations'];

describe('the index page language', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await tempDir();
    await mkdir(path.join(dir, 'content'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const page = () => readFile(path.join(dir, 'output', 'index.html'), 'utf8');

  it("is the decks' language when they share one, with the project's words for it", async () => {
    await writeFile(path.join(dir, 'content', 'a.md'), briefing('Première note', 'fr', FRENCH));
    await writeFile(path.join(dir, 'content', 'b.md'), briefing('Seconde note', 'fr', FRENCH));
    await writeFile(path.join(dir, 'briefdeck.config.yaml'), 'labels:\n  fr:\n    briefings: Nos notes\n');
    const run = await runCli(['build', 'content', '--no-pdf', '-o', 'output'], { cwd: dir });
    expect(run.stderr).toBe('');
    const html = await page();
    expect(html).toContain('<html lang="fr" dir="ltr">');
    expect(html).toContain('<h1>Nos notes</h1>');
    expect(html).toContain('<title>Nos notes</title>');
    expect(html).toMatch(/29 novembre 2026/);
    expect(html).toMatch(/\(4 diapositives\)/); // the title, summary, implication and recommendations slides
    expect(html).not.toMatch(/Open deck|slides\)|DRAFT|November/);
    // The page's own language: titles carry no second lang.
    expect(html).not.toMatch(/<h2 dir="auto" lang=/);
  });

  it('is English for decks in several languages, each title marked with its own', async () => {
    await writeFile(path.join(dir, 'content', 'a.md'), briefing('Première note', 'fr', FRENCH));
    await writeFile(path.join(dir, 'content', 'b.md'), briefing('مذكرة', 'ar', ['الخلاصة', 'التداعيات', 'التوصيات']));
    const run = await runCli(['build', 'content', '--no-pdf', '-o', 'output'], { cwd: dir });
    expect(run.stderr).toBe('');
    const html = await page();
    expect(html).toContain('<html lang="en" dir="ltr">');
    expect(html).toContain('<h1>Briefings</h1>');
    expect(html).toContain('<h2 dir="auto" lang="fr">');
    expect(html).toContain('<h2 dir="auto" lang="ar">');
  });

  it('is right to left for Arabic decks', async () => {
    await writeFile(path.join(dir, 'content', 'b.md'), briefing('مذكرة', 'ar', ['الخلاصة', 'التداعيات', 'التوصيات']));
    await runCli(['build', 'content', '--no-pdf', '-o', 'output'], { cwd: dir });
    const html = await page();
    expect(html).toContain('<html lang="ar" dir="rtl">');
    expect(html).toContain('<h1>الإحاطات</h1>');
    expect(html).toContain('<span class="draft">مسودة</span>');
  });
});
