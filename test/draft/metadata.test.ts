import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { draftBriefing } from '../../src/draft/index.js';

/** Five sentences of article text, so that the drafter has something to draft. */
const BODY = [
  'Drone sightings near airports in the region have tripled since 2023, and most are never explained.',
  'Airport operators buy their own detection systems and rarely share the data with the armed forces.',
  'The police and the military split the responsibility by the kind of site, not by the threat.',
  'Governments should give a single authority the power to track and disable drones over critical sites.',
  'Without shared data, a drone seen over one port cannot be compared with one seen over a base.',
].join(' ');

async function draft(text: string, file = 'article.txt') {
  const result = await draftBriefing(text, { file });
  const front = parseBriefing(result.markdown, 'draft.md').briefing.meta;
  return { ...result, meta: result.article.meta, source: front.source as unknown as Record<string, string> };
}

/** The draft with its front matter, as a reader of the file sees it. */
function expectNowhere(markdown: string, lines: string[]) {
  for (const line of lines) expect(markdown, line).not.toContain(line);
}

describe('metadata from pasted web pages (text)', () => {
  it('takes the headline, not the nav bar or the kicker; "By X | date | N min read" gives author and date; furniture leaves no trace', async () => {
    const junk = [
      'Home | World | Opinion | Subscribe',
      'ANALYSIS',
      'Listen to this article',
      'Share on Facebook | Share on X | Email',
      'Related: Why counter-drone lasers are still years away',
      'Read more: The quiet return of the trade-remedy lawyer',
      'See also',
      'Comments (37)',
      'We use cookies to personalise content and ads. By continuing to browse you agree to our use of cookies.',
      'Menu Search Sign in',
    ];
    const text = [
      junk[9],
      junk[0],
      junk[1],
      "Europe's Airports Are Learning to Live With Drones. They Should Not Have To.",
      'By Helena Voss | 14 October 2026 | 6 min read',
      junk[2],
      junk[3],
      '',
      BODY,
      '',
      junk[4],
      '',
      BODY.replace('tripled', 'doubled'),
      '',
      junk[5],
      junk[6],
      junk[7],
      junk[8],
      '© 2026 The Northern Ledger. All rights reserved.',
    ].join('\n');
    const { meta, markdown, source, draft: d } = await draft(text);
    expect(meta).toMatchObject({
      title: "Europe's Airports Are Learning to Live With Drones. They Should Not Have To.",
      author: 'Helena Voss',
      date: '2026-10-14',
      publisher: 'The Northern Ledger',
    });
    expect(d.title).toBe(meta.title);
    expect(source).toMatchObject({ author: 'Helena Voss', date: '2026-10-14', publisher: 'The Northern Ledger' });
    expectNowhere(markdown, [...junk, '6 min read', '© 2026']);
  });

  it('"By X and Y", the date on the next line, "Updated: March 3, 2026 10:42 GMT"', async () => {
    const { meta } = await draft(
      ['Ports Need Better Radar', 'By Jane Doe and John Roe', 'Updated: March 3, 2026 10:42 GMT', '', BODY].join('\n'),
    );
    expect(meta).toMatchObject({
      title: 'Ports Need Better Radar',
      author: 'Jane Doe and John Roe',
      date: '2026-03-03',
    });
    expect(meta.publisher).toBeUndefined();
  });

  it('a published date wins over an updated one', async () => {
    const { meta } = await draft(
      ['Ports Need Better Radar', 'Updated 5 March 2026', 'Published 1 March 2026 · 4 min read', '', BODY].join('\n'),
    );
    expect(meta.date).toBe('2026-03-01');
  });

  it('"By a staff analyst, 12 March 2026": a byline that names no one gives the date and no author, and leaves the text', async () => {
    for (const line of ['By a staff analyst, 12 March 2026', 'By Our Correspondent | 12 March 2026']) {
      const { meta, markdown } = await draft(
        ['OPINION', 'Agency Nurses Are a Symptom', line, '5 min read', '', BODY].join('\n'),
      );
      expect(meta, line).toMatchObject({ title: 'Agency Nurses Are a Symptom', date: '2026-03-12' });
      expect(meta.author, line).toBeUndefined();
      expect(meta.publisher, line).toBeUndefined();
      expect(markdown, line).not.toMatch(/staff analyst|Correspondent/i);
    }
    const { meta, markdown } = await draft(
      ['Agency Nurses Are a Symptom', 'By the Editorial Board', '', BODY].join('\n'),
    );
    expect(meta.author).toBeUndefined();
    expect(markdown).not.toMatch(/Editorial Board/);
  });

  it('"Name, Senior Fellow at …" and "Published … · N min read": the name only; the publisher never "6 min read"', async () => {
    const { meta, markdown } = await draft(
      [
        'Cities | Transport | Housing | Newsletters | Log in',
        'COMMENTARY',
        'Free Fares Will Not Fill Empty Buses',
        'Helena Voss, Senior Fellow at the Nordic Institute. Published 14 October 2026 · 6 min read',
        '',
        BODY,
      ].join('\n'),
    );
    expect(meta).toMatchObject({
      title: 'Free Fares Will Not Fill Empty Buses',
      author: 'Helena Voss',
      date: '2026-10-14',
    });
    expect(meta.publisher).toBeUndefined();
    expect(markdown).not.toMatch(/min read|COMMENTARY|Newsletters/);
  });

  it('bylines in French, Spanish, German, Portuguese, Arabic and Chinese', async () => {
    const cases: [string, string, string | undefined][] = [
      ['Par Marie Dupont, le 3 février 2026', 'Marie Dupont', '2026-02-03'],
      ['Por Juan Pérez | 3 de febrero de 2026', 'Juan Pérez', '2026-02-03'],
      ['Von Anna Schmidt | 3. Februar 2026', 'Anna Schmidt', '2026-02-03'],
      ['Por João Silva · 3 de fevereiro de 2026', 'João Silva', '2026-02-03'],
      ['بقلم ليلى حداد', 'ليلى حداد', undefined],
      ['بقلم سلمى الحداد، 9 نوفمبر 2026', 'سلمى الحداد', '2026-11-09'],
      ['作者：张伟 | 2026年2月3日', '张伟', '2026-02-03'],
    ];
    for (const [line, author, date] of cases) {
      const { meta } = await draft(['Ports Need Better Radar', line, '', BODY].join('\n'));
      expect(meta, line).toMatchObject({ title: 'Ports Need Better Radar', author });
      expect(meta.date, line).toBe(date);
    }
  });

  it('the publisher from a copyright line, in English or Arabic, when nothing else names it', async () => {
    for (const [line, publisher] of [
      ['Copyright © 2026 Health Service Review Ltd. All rights reserved.', 'Health Service Review'],
      ['© Metropolitan Review 2026', 'Metropolitan Review'],
      ['جميع الحقوق محفوظة © 2026 صحيفة المدار', 'صحيفة المدار'],
    ]) {
      const { meta, markdown } = await draft(['Ports Need Better Radar', '', BODY, '', line!].join('\n'));
      expect(meta.publisher, line).toBe(publisher);
      expect(markdown, line).not.toContain(line!);
    }
  });

  it('an author line at the end gives the author and leaves the text', async () => {
    const bio = 'Marta Lindqvist is a trade economist and a former adviser at the European Commission.';
    const { meta, markdown } = await draft(
      ['Steel Finds a Way Around', '', BODY, '', bio, '', 'Share this story', 'Copy link'].join('\n'),
    );
    expect(meta.author).toBe('Marta Lindqvist');
    expect(markdown).not.toContain('trade economist');
    expect(markdown).not.toMatch(/Share this story|Copy link/);
  });
});

describe('text that only looks like furniture stays text', () => {
  it('a sentence about cookies, and a closing sentence about a president when no byline names the author', async () => {
    const cookies = 'Regulators found that the retailer kept cookies on phones for years without consent.';
    const president = 'Vladimir Putin is the president of Russia and has ruled it for a quarter of a century.';
    const { meta, sentences } = await draft(
      ['Ports Need Better Radar', '', BODY, '', cookies, '', president].join('\n'),
    );
    expect(meta.author).toBeUndefined();
    expect(sentences.map((s) => s.text)).toEqual(expect.arrayContaining([cookies, president]));
  });
});

describe('metadata from markdown', () => {
  it('a kicker line and a "Back to all articles" link before the H1; "**By X and Y** — date"', async () => {
    const { meta, markdown } = await draft(
      [
        '**Migration** · [Back to all articles](https://example.org/migration)',
        '',
        "# Towns Can House Refugees. They Cannot Do It on Three Weeks' Notice.",
        '',
        '**By Katrin Albers and Yusuf Demir** — 21 January 2026',
        '',
        BODY,
        '',
        'Read more: [Why counter-drone lasers are still years away](https://example.org/lasers)',
        '',
        '## Related',
        '',
        '- [Another story](https://example.org/x)',
      ].join('\n'),
      'refugees.md',
    );
    expect(meta).toMatchObject({
      title: "Towns Can House Refugees. They Cannot Do It on Three Weeks' Notice.",
      author: 'Katrin Albers and Yusuf Demir',
      date: '2026-01-21',
    });
    expect(markdown).not.toMatch(/Back to all articles|counter-drone lasers|Migration/);
  });

  it('"*Leonor Vaz, 8 July 2026*" (no "By") and a publisher in the front matter', async () => {
    const { meta } = await draft(
      [
        '---',
        'publisher: Water Review',
        '---',
        '',
        '# The Aquifer Nobody Manages',
        '',
        '*Leonor Vaz, 8 July 2026*',
        '',
        BODY,
      ].join('\n'),
      'aquifer.md',
    );
    expect(meta).toMatchObject({ author: 'Leonor Vaz', date: '2026-07-08', publisher: 'Water Review' });
  });
});

describe('metadata from HTML', () => {
  const page = (head: string, header: string) =>
    `<!DOCTYPE html><html><head>${head}</head><body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>` +
    `<article>${header}${BODY.split('. ')
      .map((s) => `<p>${s}. ${s}.</p>`)
      .join('')}</article><footer><p>© 2026 Some Footer Ltd</p></footer></body></html>`;

  it('<title> "Headline | Site", <address> with rel=author, <time datetime>', async () => {
    const { meta } = await draft(
      page(
        '<title>Opinion | Measles Is Back | Civic Health Journal</title>',
        '<h1>Measles Is Back</h1><address class="author">By <a rel="author" href="/p/a">Dr Amara Nwosu</a>, consultant in paediatric infectious diseases</address><time datetime="2026-05-04T09:00:00Z">4 May</time>',
      ),
      'page.html',
    );
    expect(meta).toMatchObject({
      title: 'Measles Is Back',
      author: 'Amara Nwosu',
      date: '2026-05-04',
      publisher: 'Civic Health Journal',
    });
  });

  it('meta article:author, article:published_time, og:site_name', async () => {
    const { meta } = await draft(
      page(
        '<meta property="og:title" content="Ports Need Better Radar"><meta property="article:author" content="Jane Doe"><meta property="article:published_time" content="2026-02-03T08:00:00Z"><meta property="og:site_name" content="The Harbour">',
        '<h1>Ports Need Better Radar</h1>',
      ),
      'page.html',
    );
    expect(meta).toMatchObject({
      title: 'Ports Need Better Radar',
      author: 'Jane Doe',
      date: '2026-02-03',
      publisher: 'The Harbour',
    });
  });

  it('JSON-LD headline, author.name, datePublished, publisher.name — and not when its headline is not the page’s', async () => {
    const ld = (headline: string) =>
      `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"${headline}","author":[{"@type":"Person","name":"Jane Doe"},{"@type":"Person","name":"John Roe"}],"datePublished":"2026-02-03","publisher":{"@type":"Organization","name":"The Harbour"}}</script>`;
    const { meta } = await draft(page(ld('Ports Need Better Radar'), '<h1>Ports Need Better Radar</h1>'), 'page.html');
    expect(meta).toMatchObject({
      title: 'Ports Need Better Radar',
      author: 'Jane Doe and John Roe',
      date: '2026-02-03',
      publisher: 'The Harbour',
    });

    const advert = await draft(
      page(
        `<title>Ports Need Better Radar | Harbour News</title>${ld('Sponsored: the ten best deals')}`,
        '<h1>Ports Need Better Radar</h1>',
      ),
      'page.html',
    );
    expect(advert.meta).toMatchObject({ title: 'Ports Need Better Radar', publisher: 'Harbour News' });
    expect(advert.meta.author).toBeUndefined();
  });

  it('a byline element "Name, Senior Fellow at … Published date · 6 min read" gives the name and the date', async () => {
    const { meta } = await draft(
      page(
        '',
        '<h1>Ports Need Better Radar</h1><p class="byline">Helena Voss, Senior Fellow at the Nordic Institute. Published 14 October 2026 · 6 min read</p>',
      ),
      'page.html',
    );
    expect(meta).toMatchObject({ author: 'Helena Voss', date: '2026-10-14' });
    expect(meta.publisher).toBeUndefined();
  });
});

describe('an article without a headline', () => {
  it('says so, and the title and source.title are a phrase of the lead sentence, flagged for review, never the file name', async () => {
    const text = [
      'Home | World | Business | Markets | Opinion | Subscribe',
      '4 min read',
      '',
      'When the European Union raised its safeguard duties on imported steel in the spring, officials promised that the measure would protect mills from a flood of cheap products.',
      '',
      BODY,
    ].join('\n');
    const { draft: d, source, markdown, warnings } = await draft(text, 'steel-tariff-rerouting.txt');
    expect(d.titleFrom).toBe('lead sentence');
    expect(d.title).toBe('Officials promised that the measure would protect mills');
    expect(source.title).toBe(d.title);
    expect(markdown).not.toContain('steel-tariff-rerouting.txt"');
    expect(markdown).toMatch(
      /^ {2}title: ".+" # built from the lead sentence: the article has no headline; review it$/m,
    );
    expect(warnings.map((w) => w.message)).toContain(
      `the article has no headline: the title "${d.title}" was built from its lead sentence — review it`,
    );
  });
});
