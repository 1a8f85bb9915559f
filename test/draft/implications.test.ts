import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { leansOnPrevious } from '../../src/draft/compress.js';
import { topicPhrase } from '../../src/draft/headings.js';
import { draftBriefing } from '../../src/draft/index.js';
import { fixtures, htmlText } from './helpers.js';

const seed = fixtures.find((f) => f.name === 'seed-article.txt')!;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

/** Two paragraphs that open on their consequences: "The impact on Nordic insurers …", "The strategic implications …". */
const storms = `Winter storms test the Baltic

The January storms that crossed the Baltic Sea closed four ports and cut power to half a million homes. Forecasters had warned of the system a week in advance. Crews restored most lines within three days, and ferries resumed their schedules by the weekend.

The impact on Nordic insurers could be severe. Claims from the storms could exceed the reserves of several mutual companies. Reinsurers may raise premiums across the region when contracts are renewed in the spring.

The strategic implications are just as real. Damaged quays in Klaipeda could delay allied supply shipments for weeks. Russia might exploit the disruption to probe air defences along the coast.

Port authorities have published their repair schedules. Engineers expect the last quay to reopen in April. The ministers of the three states will meet in Riga next month.
`;

/** Eight consequences in eight paragraphs, no headings, no topic sentence: nothing names a group. */
const river = `A season of change on the river

The river authority reopened the upper locks on Monday after six weeks of repairs. Barges carrying grain had queued for days below the dam. Local farmers had complained about the delay since the start of the harvest. The authority's engineers worked through two weekends.

Freight operators said the closure could raise transport prices for grain by a tenth this year. The closure also left two ferry crossings without a service for a month.

Engineers found cracks in the lower gates during the inspection. If the cracks spread, the gates could fail during the spring floods and flood the old town.

A boatyard near the weir has laid off twelve workers. Tourism in the valley could lose a season of visitors if the river path stays closed.

The repair budget has already doubled since the spring. A second overrun could force the authority to delay the new fish ladder by two years.

Anglers have noticed fewer salmon above the dam. The warmer water could threaten the spawning grounds upstream.

Insurers have reviewed the cover for the riverside warehouses. Higher premiums could lead to the loss of two of the smaller firms.

Walkers use the towpath every weekend in summer. A longer closure could hurt the cafes that depend on them.

Fishermen downstream have seen cloudier water since the works began. The silt could damage the oyster beds at the mouth of the estuary.

The ferry company has cut its timetable for the winter. Fewer crossings could isolate the villages on the east bank.

The authority will publish its inspection report in the autumn. Its board meets again in November. The minister has promised to attend.
`;

/** "This could force the district …" points back at a sentence that is no implication. */
const schools = `Schools and the heat

Several schools in the district closed early during last week's heat wave. Classroom temperatures reached 34 degrees in buildings without air conditioning. Parents collected children at midday. Buses ran on the holiday timetable.

Teachers in the district have complained about the buildings for years. This could force the district to shorten the school year in June.

Missed lessons could widen the gap between pupils who study at home and those who cannot. The district could also lose teachers to cooler neighbouring schools.

Exams fall in the hottest weeks of the year. Hot exam rooms could lower the grades of pupils across the district. This could cost some of them places at university.

Governors approved new blinds for the south-facing classrooms. The blinds arrive in May.

The council will review the budget for cooling in March. Its plan covers twelve schools. A decision is due before the summer.
`;

/** Sixteen short consequences and one of 41 words that no deletion brings under 25, with the strongest cues. */
const depots = [
  'Aberdeen',
  'Bergen',
  'Cork',
  'Dundee',
  'Esbjerg',
  'Gdansk',
  'Hull',
  'Kiel',
  'Lulea',
  'Malmo',
  'Narvik',
  'Oulu',
  'Rostock',
  'Tallinn',
  'Turku',
  'Umea',
];
const goods = [
  'bread',
  'fuel',
  'medicine',
  'fish',
  'paper',
  'steel',
  'timber',
  'grain',
  'salt',
  'wool',
  'coal',
  'milk',
  'cement',
  'glass',
  'tyres',
  'seed',
];
const longImplication =
  'The implications for exporters of pulp in the three coastal counties are grave because the delay could undermine the contracts that they signed with buyers in the south for the whole of next year.';
const corridor = [
  'Freight on the northern corridor',
  'The northern rail corridor closed on Friday after a landslide near the border. Engineers expect repairs to take the whole winter. The operator has offered buses for passengers.',
  `Pulp mills line the coast north of the border. ${longImplication}`,
  ...depots.map(
    (place, i) =>
      `The depot at ${place} handles most of the ${goods[i]} for the region. A longer closure could lead to shortages of ${goods[i]} in ${place} within a month.`,
  ),
  'The ministry will publish a repair plan in January. Its budget has not been set.',
].join('\n\n');

describe('topicPhrase: the span of a topic sentence that names who or what is affected', () => {
  it.each([
    [
      'This incident has significant implications, not just for Russia but for the international community at large.',
      'For Russia',
    ],
    [
      'The implications of this incident also extend to Afghanistan’s credibility on the world stage.',
      'Afghanistan’s credibility',
    ],
    [
      'Furthermore, the situation raises pressing questions about the effectiveness of counterterrorism coordination between global powers.',
      'Counterterrorism coordination',
    ],
    ['For Nordic insurers, the consequences could be severe.', 'For Nordic insurers'],
    ['The impact on Nordic insurers could be severe.', 'Impact on Nordic insurers'],
    ['There is a financial risk for the city, too.', 'Financial risk for the city'],
    ['The strategic implications are just as real.', 'Strategic implications'],
    ['The effects of closures spread beyond the building itself.', 'Effects of closures'],
    ['The consequences reach well beyond the health system.', 'Beyond the health system'],
    // Nothing named, or only something pointed at: no heading.
    ['This incident has significant implications.', undefined],
    ['These delays have consequences beyond this summer.', undefined],
    ['The consequences of getting this wrong are serious.', undefined],
    ['The consequences are visible on both sides of the border.', undefined],
    ['The implications for the rest of the decade are unclear.', undefined],
    ['Les conséquences pour les locataires seront lourdes.', undefined],
  ])('%s → %s', (sentence, phrase) => {
    expect(topicPhrase(sentence)).toBe(phrase);
  });
  it('makes no phrase in another language (its rules are English words)', () => {
    expect(topicPhrase('Les implications stratégiques sont réelles.', 'fr')).toBeUndefined();
    expect(topicPhrase('The strategic implications are just as real.', 'en-GB')).toBe('Strategic implications');
  });
});

describe('implication headings', () => {
  it('the seed: short phrases naming who is affected, taken from its topic sentences, which are not repeated as bullets', async () => {
    const { draft } = await draftBriefing(seed.text, { file: seed.name });
    const headings = draft.implications.map((g) => g.heading);
    expect(headings).toEqual(expect.arrayContaining(['For Russia', 'Afghanistan’s credibility']));
    for (const group of draft.implications) {
      expect(group.heading).toBeDefined();
      expect(words(group.heading!)).toBeLessThanOrEqual(8);
      expect(group.heading).not.toMatch(/[.·]$|·/);
      if (group.headingFrom === 'sentence') {
        // A span of its sentence (first letter aside), and that sentence is no bullet anywhere.
        expect(group.headingSource!.text.toLowerCase()).toContain(group.heading!.toLowerCase());
        const bullets = draft.implications.flatMap((g) => g.bullets.map((b) => b.source.id));
        expect(bullets).not.toContain(group.headingSource!.id);
      }
    }
  });

  it('"The impact on Nordic insurers could be severe." and "The strategic implications are just as real." head their groups as phrases', async () => {
    const { draft, markdown } = await draftBriefing(storms, { file: 'storms.txt' });
    expect(draft.implications.map((g) => g.heading)).toEqual(['Impact on Nordic insurers', 'Strategic implications']);
    const { briefing } = parseBriefing(markdown, 'storms.md');
    const section = briefing.sections.find((s) => s.kind === 'implications')!;
    expect(section.subsections.map((sub) => htmlText(sub.title))).toEqual([
      'Impact on Nordic insurers',
      'Strategic implications',
    ]);
    // The note names the whole sentence the heading was cut from.
    expect(htmlText(section.subsections[0]!.notes.join(' '))).toContain(
      'taken from a sentence of the source: paragraph 2, sentence 1 (line 5): “The impact on Nordic insurers could be severe.”',
    );
    const bullets = draft.implications.flatMap((g) => g.bullets.map((b) => b.text));
    expect(bullets).not.toContain('The impact on Nordic insurers could be severe.');
  });

  it('implications before the first topic sentence open the section, before its headed groups', async () => {
    const text = storms.replace(
      'Forecasters had warned of the system a week in advance.',
      'The closures could lead to shortages of fuel on the islands within days.',
    );
    const { markdown } = await draftBriefing(text, { file: 'storms.txt' });
    const { briefing } = parseBriefing(markdown, 'storms.md');
    const section = briefing.sections.find((s) => s.kind === 'implications')!;
    expect(section.items.map((item) => htmlText(item.html))).toEqual([
      'The closures could lead to shortages of fuel on the islands within days.',
    ]);
    expect(section.subsections.map((sub) => htmlText(sub.title))).toEqual([
      'Impact on Nordic insurers',
      'Strategic implications',
    ]);
  });

  it('no heading names a group: one list, never a list of key terms or a whole sentence', async () => {
    const { draft, markdown } = await draftBriefing(river, { file: 'river.txt' });
    expect(draft.implications).toHaveLength(1);
    expect(draft.implications[0]!.heading).toBeUndefined();
    expect(draft.implications[0]!.bullets.length).toBeGreaterThan(5);
    const implications = markdown.split('## Implications')[1]!.split('## Recommendations')[0]!;
    expect(implications).not.toMatch(/^###/m);
  });
});

describe('implication bullets', () => {
  it('a bullet still over 25 words after shortening gives way to the next candidate', async () => {
    const { draft } = await draftBriefing(corridor, { file: 'corridor.txt' });
    const bullets = draft.implications.flatMap((g) => g.bullets);
    expect(bullets).toHaveLength(12);
    expect(bullets.map((b) => b.source.text)).not.toContain(longImplication);
    expect(bullets.filter((b) => words(b.text) > 25)).toEqual([]);
  });

  it('a sentence that leans on the one before ("This could force …") is not used without it', async () => {
    const { draft } = await draftBriefing(schools, { file: 'schools.txt' });
    const bullets = draft.implications.flatMap((g) => g.bullets);
    expect(bullets.map((b) => b.text)).not.toContain(
      'This could force the district to shorten the school year in June.',
    );
    bullets.forEach((b, i) => {
      if (leansOnPrevious(b.source.text)) expect(bullets[i - 1]?.source.id).toBe(b.source.id - 1);
    });
  });
});
