// A briefing written in Arabic, French or Chinese must come out with no English word of briefdeck's own:
// not on a slide, in an aria-label, in the PDF, the handout, the contact sheet, the speaker script, the
// PowerPoint file or the index page. Only the TLP label (FIRST: never translated) and the user's own words
// may be in another language. The detector is checked on an English build too, so that it cannot pass
// by finding nothing.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { LABEL_KEYS, type LabelKey, Labels, type LabelText, labelSetFor } from '../../src/labels/index.js';
import { readPptx, slideParts, partText } from '../pptx/package-reader.js';
import { deckSuite, escapeRegExp, pdfText, runCli, SAMPLE } from '../helpers.js';

/** Each language's briefing: its headings and every word in it are the briefer's, in that language. */
const BRIEFINGS: Record<string, string> = {
  ar: `---
title: مؤامرة داعش خراسان في موسكو
subtitle: ما تكشفه عملية أُحبطت عن أفغانستان ملاذًا
date: 2026-11-29
author: فريق التحليل
marking: TLP:AMBER
draft: true
lang: ar
type: information
source:
  title: مقال رأي عن إحباط المؤامرة
  license: مشاع إبداعي
---

## الخلاصة

أحبطت الأجهزة الأمنية الروسية مؤامرة في مراحلها الأخيرة.

- خطط المهاجم للفرار إلى أفغانستان بعد الهجوم.
- يناقض ذلك تأكيدات حركة طالبان.

ملاحظة: ابدأ بالخلاصة.

## التداعيات

### بالنسبة إلى روسيا

حتى عاصمة شديدة الحراسة فيها ثغرات.

- أهداف محتملة: كنيس ومترو الأنفاق.

## الأحكام الرئيسية

- [عالية] خطط التنظيم للعملية من الخارج.
- [منخفضة] قد تتكرر محاولات مماثلة قريبًا.

## المصادر

- مقال الرأي الأصلي.
`,
  fr: `---
title: Un complot de l'EI-K déjoué à Moscou
subtitle: Ce qu'une attaque manquée dit de l'Afghanistan comme sanctuaire
date: 2026-11-29
author: Cellule d'analyse
marking: TLP:AMBER
draft: true
lang: fr
type: decision
source:
  author: Jeanne Martin
  title: Tribune sur le complot déjoué
  license: Licence ouverte
---

## Synthèse

Les services russes ont déjoué un attentat à un stade très avancé.

- L'assaillant comptait fuir vers l'Afghanistan après l'attaque.
- Cela contredit les assurances des talibans.

Note : Commencer par l'essentiel.

## Implications

### Pour la Russie

Même une capitale très surveillée présente des failles.

- Cibles probables : une synagogue et le métro.

## Options

### Renforcer la coopération

Un échange régulier avec les services partenaires.

- Avantages : une alerte plus précoce
- Inconvénients : des partenaires peu fiables
- Coût : deux analystes à plein temps

### Attendre

- Avantage : aucun engagement

## Recommandation

Renforcer la coopération dès ce trimestre.

## Recommandations

1. Renforcer l'échange de renseignements.
2. Conditionner le dialogue avec Kaboul.

## Sources

- La tribune d'origine.
`,
  zh: `---
title: 莫斯科挫败的伊斯兰国呼罗珊省阴谋
subtitle: 一次未遂袭击揭示的阿富汗庇护问题
date: 2026-11-29
author: 分析小组
marking: TLP:AMBER
draft: true
lang: zh
source:
  title: 关于这次阴谋的评论文章
  license: 知识共享
---

## 摘要

俄罗斯安全部门在最后阶段挫败了一次袭击。

- 袭击者计划在袭击后逃往阿富汗。
- 这与塔利班的保证相矛盾。

注：先讲结论。

## 影响

### 对俄罗斯

即使戒备森严的首都也有漏洞。

- 可能的目标：一座犹太教堂和地铁。

## 关键判断

- [高] 该组织从境外策划了这次行动。

## 建议

1. 加强情报共享。
2. 与喀布尔的接触应附带条件。

## 来源

- 原评论文章。
`,
};

/** The speaker note of each briefing's summary, after its language's `Note:` (French: ` :`; Chinese: `：`). */
const NOTES: Record<string, string> = { ar: 'ابدأ بالخلاصة.', fr: "Commencer par l'essentiel.", zh: '先讲结论。' };

/**
 * Their slides: title, summary, one implication, then: the key judgments, their legend and the sources
 * (ar, an information briefing); two options, the briefer's recommendation, the author's
 * recommendations and the sources (fr, a decision briefing); the key judgments, the author's
 * recommendations, the legend and the sources (zh, an article).
 */
const SLIDES: Record<string, number> = { ar: 6, fr: 8, zh: 7 };

/** The labels of each briefing's type and parts, which its deck must show (in its own language). */
const SHOWN: Record<string, [LabelKey, Record<string, string>?][]> = {
  ar: [['informationBriefing'], ['confidenceHigh'], ['confidenceLow'], ['confidenceLegend']],
  fr: [
    ['decisionBriefing'],
    ['option', { number: '1' }],
    ['optionPros'],
    ['optionCons'],
    ['optionCost'],
    ['brieferRecommendation'],
    ['authorsRecommendationsBy', { author: 'Jeanne Martin' }],
  ],
  zh: [['briefing'], ['confidenceHigh'], ['confidenceLegend'], ['authorsRecommendations']],
};

/** Every outward form of a build, as text. */
const FORMATS = ['--handout', '--contact-sheet', '--pptx', '--script', '--notes-pages'];

/** Text that stays as it is in every language: the TLP label, and names of file formats. */
const UNTRANSLATED = [/TLP:AMBER/g, /\bPDF\b/g, /\bPowerPoint\b/g];

/** The forms of a label: its text, or each of its plural forms. */
const forms = (label: LabelText | undefined): string[] =>
  label === undefined ? [] : typeof label === 'string' ? [label] : Object.values(label).filter(Boolean);

/**
 * The English labels to look for in a build in `lang`: every form of every label, as a pattern (its
 * placeholders match any text, in any case: "BOTTOM LINE" too), except those that are the same word in `lang` ("Sources" in French) and
 * those with no word in them ("{number} / {total}").
 */
function englishLabels(lang: string): { key: string; pattern: RegExp }[] {
  const english = labelSetFor('en').labels;
  const own = labelSetFor(lang).labels;
  return LABEL_KEYS.flatMap((key) =>
    forms(english[key])
      .filter((text) => !forms(own[key]).includes(text) && /\p{L}{2}/u.test(text.replace(/\{\w+\}/g, '')))
      .map((text) => {
        const source = text
          .split(/\{\w+\}/)
          .map((part) => escapeRegExp(part.trim()))
          .filter(Boolean)
          .join('.{1,80}?');
        return { key, pattern: new RegExp(`(?<![\\p{L}])${source}(?![\\p{L}])`, 'iu') };
      }),
  );
}

/** The keys of the English labels found in `text`, with what matched. */
function englishIn(text: string, lang: string): string[] {
  const flat = text.replace(/\s+/g, ' ');
  return englishLabels(lang).flatMap(({ key, pattern }) => {
    const found = pattern.exec(flat);
    return found ? [`${key}: "${found[0]}"`] : [];
  });
}

/** Latin-script words left in the text of a briefing written without any (Arabic, Chinese). */
function latinWords(text: string, allowed: string[] = []): string[] {
  let rest = text;
  for (const pattern of UNTRANSLATED) rest = rest.replace(pattern, ' ');
  for (const word of allowed) rest = rest.split(word).join(' ');
  return [...new Set(rest.match(/[A-Za-z]{2,}/g) ?? [])];
}

/** What a reader or a screen reader gets from a page: its text (not scripts or styles) and its labelling attributes. */
async function pageWords(page: Page): Promise<string> {
  return page.evaluate(() => {
    const parts: string[] = [document.title];
    const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (parent && !parent.closest('script, style, template, head')) parts.push(node.textContent ?? '');
    }
    for (const element of document.querySelectorAll('[aria-label], [alt], [title], [aria-roledescription]'))
      for (const name of ['aria-label', 'alt', 'title', 'aria-roledescription'])
        if (element.hasAttribute(name)) parts.push(element.getAttribute(name)!);
    return parts.join('\n');
  });
}

/** Every outward text of the deck `slug` built into `out`, by where it was found. */
async function outputs(suite: { out: string; browser: import('puppeteer-core').Browser }, slug: string) {
  const dir = path.join(suite.out, slug);
  const open = async (file: string) => {
    const page = await suite.browser.newPage();
    try {
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      // The deck's own script localises reveal's controls after it starts.
      await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 300)));
      return await pageWords(page);
    } finally {
      await page.close();
    }
  };
  const pptx = await readPptx(await readFile(path.join(dir, `${slug}.pptx`)));
  return {
    deck: await open(path.join(dir, 'index.html')),
    'index page': await open(path.join(suite.out, 'index.html')),
    pdf: pdfText(path.join(dir, `${slug}.pdf`)),
    handout: pdfText(path.join(dir, `${slug}-handout.pdf`)),
    'contact sheet': pdfText(path.join(dir, `${slug}-contact.pdf`)),
    'speaker script': await readFile(path.join(dir, `${slug}-script.md`), 'utf8'),
    pptx: [...pptx.text.keys()]
      .filter((name) => /^ppt\/(slides|slideLayouts|notesSlides)\/[^/]+\.xml$/.test(name))
      .map((name) => partText(pptx.text.get(name)!))
      .join('\n'),
    'pptx slides': slideParts(pptx).length,
  };
}

describe.each(Object.entries(BRIEFINGS))('a briefing written in %s', (lang, briefing) => {
  const suite = deckSuite(async ({ dir, out }) => {
    await writeFile(path.join(dir, `brief-${lang}.md`), briefing);
    const run = await runCli(['build', dir, '-o', out, ...FORMATS], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  }, 240_000);

  it('has its sections read from headings in its own language', async () => {
    const info = JSON.parse(await readFile(path.join(suite.out, `brief-${lang}`, 'deck.json'), 'utf8'));
    // Nothing was taken for another section, or left out.
    expect(info.slides).toBe(SLIDES[lang]);
    expect(info.lang).toBe(lang);
    // The note is a speaker note, not text on the slide.
    const html = await readFile(path.join(suite.out, `brief-${lang}`, 'index.html'), 'utf8');
    const notes = [...html.matchAll(/<aside class="notes">([\s\S]*?)<\/aside>/g)].map((match) => match[1]);
    expect(notes.join('\n').replace(/&#39;|&#x27;/g, "'")).toContain(NOTES[lang]);
    expect(html.split(NOTES[lang]!.slice(0, 6)).length, 'the note is on no slide').toBe(2);
  });

  it("shows its type's labels and badges, in its language", async () => {
    const { deck, pdf } = await outputs(suite, `brief-${lang}`);
    const labels = new Labels({ lang });
    for (const [key, params] of SHOWN[lang]!) expect(deck, key).toContain(labels.text(key, params));
    // The notes pages' heading (upper-cased by the template). pdftotext breaks Arabic words apart and
    // adds direction marks, so spaces and marks are left out on both sides.
    const bare = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e]/g, '');
    expect(bare(pdf)).toContain(bare(labels.text('speakerNotes').toLocaleUpperCase(lang)));
  });

  it('has no English label in the deck, its PDFs, handout, contact sheet, script, PowerPoint file or index page', async () => {
    const found = Object.entries(await outputs(suite, `brief-${lang}`))
      .filter(([, text]) => typeof text === 'string')
      .flatMap(([where, text]) => englishIn(text as string, lang).map((label) => `${where}: ${label}`));
    expect(found).toEqual([]);
  });

  it.skipIf(lang === 'fr')('has no Latin-script word at all but the TLP label and format names', async () => {
    const all = await outputs(suite, `brief-${lang}`);
    const found = Object.entries(all)
      .filter(([, text]) => typeof text === 'string')
      // The index page names the content file (the user's own name for it).
      .flatMap(([where, text]) => latinWords(text as string, [`brief-${lang}.md`]).map((word) => `${where}: ${word}`));
    expect(found).toEqual([]);
  });
});

describe('the English-label detector', () => {
  const suite = deckSuite(async ({ dir, out }) => {
    await writeFile(path.join(dir, 'briefing-en.md'), await readFile(SAMPLE, 'utf8'));
    const run = await runCli(['build', dir, '-o', out, ...FORMATS], { cwd: dir });
    expect(run.code).toBe(0);
  }, 240_000);

  it('finds the English labels of an English build in every output (it is not blind)', async () => {
    const all = await outputs(suite, 'briefing-en');
    for (const [where, text] of Object.entries(all)) {
      if (typeof text !== 'string') continue;
      // Against the Arabic labels, none of which is English.
      expect(englishIn(text, 'ar').length, where).toBeGreaterThan(0);
    }
    expect(englishIn(all.deck, 'ar').join('\n')).toMatch(/bottomLine|basedOn/);
    expect(latinWords(all.pdf).length).toBeGreaterThan(10);
  });
});
