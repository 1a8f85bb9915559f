import { describe, expect, it } from 'vitest';
import { parseBriefing } from '../../src/content/parse.js';
import { draftBriefing } from '../../src/draft/index.js';
import { htmlText } from './helpers.js';

/** Three paragraphs of neutral background, so that every test article has enough text to draft. */
const BACKGROUND = [
  'Drone sightings near airports in northern Europe have doubled since 2024, according to air-traffic records.',
  'Most of the incidents closed runways for less than an hour, but several caused long delays at Copenhagen and Oslo.',
  'Police forces in the region still record the sightings in separate national systems that do not talk to each other.',
].join('\n\n');

const draftOf = (...paragraphs: string[]) =>
  draftBriefing(`Drones over the Nordic airports\n\n${BACKGROUND}\n\n${paragraphs.join('\n\n')}\n`, { file: 'a.txt' });

const recTexts = async (...paragraphs: string[]) =>
  (await draftOf(...paragraphs)).draft.recommendations.map((r) => r.text);

/** The recommendation items of the drafted file as the deck shows them: text, and the bold part. */
async function rendered(...paragraphs: string[]) {
  const { markdown } = await draftOf(...paragraphs);
  const { briefing } = parseBriefing(markdown, 'a.md');
  const items = briefing.sections.find((s) => s.kind === 'recommendations')!.items;
  return items.map((item) => ({
    text: htmlText(item.html),
    bold: [...item.html.matchAll(/<strong>(.*?)<\/strong>/g)].map((m) => htmlText(m[1]!)),
    notes: item.notes.join(' '),
  }));
}

describe('the bold lead is the prescriptive clause', () => {
  it('a list connective ("To begin with,", "First,", "Finally,") leaves the bullet and the bold; the note keeps the sentence', async () => {
    const items = await rendered(
      'To begin with, national regulators should publish a register of drone incidents at every airport within a year.',
      'Finally, airport operators must install detection radars on every runway before the winter season starts.',
    );
    expect(items.map((i) => i.text)).toEqual([
      'National regulators should publish a register of drone incidents at every airport within a year.',
      'Airport operators must install detection radars on every runway before the winter season starts.',
    ]);
    expect(items.map((i) => i.bold)).toEqual([
      ['National regulators should publish a register of drone incidents'],
      ['Airport operators must install detection radars'],
    ]);
    expect(items[0]!.notes).toContain(
      '“To begin with, national regulators should publish a register of drone incidents at every airport within a year.”',
    );
  });

  it('of a descriptive clause and a prescriptive one, the prescriptive one is bold', async () => {
    const items = await rendered(
      'What should be done:',
      '- ISKP and other groups leverage online platforms for recruitment; countermeasures should be intensified to disrupt these activities.',
      '- Nations must reinforce border security and implement stricter monitoring to prevent extremists from exploiting porous entry points.',
    );
    expect(items[0]).toMatchObject({
      text: 'ISKP and other groups leverage online platforms for recruitment; countermeasures should be intensified to disrupt these activities.',
      bold: ['countermeasures should be intensified'],
    });
    expect(items[1]!.bold).toEqual(['Nations must reinforce border security and implement stricter monitoring']);
  });

  it('an opening adverbial or a "we recommend that" frame stays in the text but not in the bold', async () => {
    const items = await rendered(
      'At home, federal and state governments should fund training programmes for drone-detection technicians at community colleges.',
      'We recommend that the ministry publish its airport security plan before the summer and review it every year.',
    );
    expect(items.map((i) => [i.text.split(' ').slice(0, 3).join(' '), i.bold])).toEqual([
      ['At home, federal', ['federal and state governments should fund training programmes']],
      ['We recommend that', ['the ministry publish its airport security plan']],
    ]);
  });

  it('a measure as the subject ("Encouraging citizens to … can serve as …"): the measure is bold, not the whole sentence', async () => {
    const items = await rendered(
      'Recommendations:',
      '- Encouraging citizens to report suspicious activities can serve as an early warning system against potential attacks.',
      '- Promoting moderate and peaceful interpretations of Islam can help counter the radical ideological propaganda of the group.',
    );
    expect(items.map((i) => i.bold)).toEqual([
      ['Encouraging citizens to report suspicious activities'],
      ['Promoting moderate and peaceful interpretations of Islam'],
    ]);
  });

  it('"be required to" is part of the verb; a later "can" does not make the subject the lead', async () => {
    const items = await rendered(
      'First, drone owners must be required to register every machine heavier than 250 grams with the national aviation authority.',
      'A third step is for the Nordic and Baltic states to create a shared incident database, so that a drone seen over a Danish port can be traced within hours.',
    );
    expect(items.map((i) => i.bold)).toEqual([
      ['Drone owners must be required to register every machine heavier than 250 grams'],
      ['The Nordic and Baltic states to create a shared incident database'],
    ]);
  });

  it('a short aside after the modal ("should not, under any circumstances, subsidise") stays inside the bold with its verb', async () => {
    const items = await rendered(
      'First, governments should not, under any circumstances, subsidise war-risk premiums for drone operators.',
      'Second, airports must publish every closure within a day.',
    );
    expect(items[0]!.bold).toEqual(['Governments should not, under any circumstances, subsidise war-risk premiums']);
  });

  it('a recommendation over 25 words is shortened by deletion, its bold lead whole, the note keeping the sentence', async () => {
    const sentence =
      'A third step is for the Nordic and Baltic states to create a shared incident database, so that a drone seen over a Danish port and another seen over a Lithuanian base can be compared within hours rather than months.';
    const items = await rendered('First, governments must fund detection radars at every mid-sized airport.', sentence);
    expect(items[1]).toMatchObject({
      text: 'The Nordic and Baltic states to create a shared incident database.',
      bold: ['The Nordic and Baltic states to create a shared incident database'],
    });
    expect(items[1]!.notes).toContain(`“${sentence}”`);
  });

  it('a labelled list item ("Enhanced Intelligence Sharing: …"): the label is bold', async () => {
    const items = await rendered(
      'Recommendations:',
      '- Enhanced Intelligence Sharing: Global and regional powers must enhance intelligence-sharing mechanisms to track operatives before they act.',
      '- Border Security: Nations must reinforce border security and implement stricter monitoring of entry points.',
    );
    expect(items.map((i) => i.bold)).toEqual([['Enhanced Intelligence Sharing'], ['Border Security']]);
    expect(items[0]!.text).toBe(
      'Enhanced Intelligence Sharing: Global and regional powers must enhance intelligence-sharing mechanisms to track operatives before they act.',
    );
  });
});

describe('prose recommendations spread over a run of paragraphs are all found', () => {
  const run = [
    'First, the Nordic and Baltic states should pool the data from their drone-detection radars.',
    'A second step is to give airport police the legal power to jam a drone that enters a runway zone.',
    'A third step is for the Nordic and Baltic states to create a shared incident database.',
    'The next step should be a joint procurement of interceptor drones, which no single country can afford alone.',
    'What is needed is a single point of contact for airlines when a runway closes.',
    'A common reporting form for pilots would help as well.',
    'Finally, governments must fund a public campaign that explains the no-fly zones to hobby pilots.',
  ];

  it('"First, …", "A second step is …", "A third step is for …", "The next step should be …", "What is needed is …", "X would help", "Finally, …"', async () => {
    const { draft } = await draftOf(...run);
    expect(draft.recommendations.map((r) => r.text)).toEqual([
      'The Nordic and Baltic states should pool the data from their drone-detection radars.',
      'Give airport police the legal power to jam a drone that enters a runway zone.',
      'The Nordic and Baltic states to create a shared incident database.',
      'A joint procurement of interceptor drones, which no single country can afford alone.',
      'A single point of contact for airlines when a runway closes.',
      'A common reporting form for pilots would help as well.',
      'Governments must fund a public campaign that explains the no-fly zones to hobby pilots.',
    ]);
    // None of them is also a summary bullet.
    const used = new Set(draft.recommendations.map((r) => r.source.id));
    expect(draft.summary.filter((b) => used.has(b.source.id))).toEqual([]);
  });

  it('the step frame is kept in the note, and the bold is the actor and what they should do', async () => {
    const items = await rendered(...run);
    expect(items[2]).toMatchObject({
      text: 'The Nordic and Baltic states to create a shared incident database.',
      bold: ['The Nordic and Baltic states to create a shared incident database.'],
    });
    expect(items[2]!.notes).toContain(
      '“A third step is for the Nordic and Baltic states to create a shared incident database.”',
    );
  });

  it('a button row next to the run ("Share on Facebook | Share on X") is not an imperative', async () => {
    const { draft } = await draftOf(
      ...run,
      'Readers can send tips to the newsroom. Share on Facebook | Share on X | Email',
    );
    expect(draft.recommendations).toHaveLength(run.length);
  });

  it('"X would help" outside a run of recommendations is not a recommendation', async () => {
    expect(
      await recTexts(
        'A weaker krona would help exporters of detection equipment, and the industry has grown quickly.',
        'Sales to airports rose by a third last year.',
      ),
    ).toEqual([]);
  });
});

describe('reported, rejected and hypothetical "should" sentences are not recommendations', () => {
  const genuine = 'Governments must fund a shared incident database for every airport in the region.';
  it.each([
    [
      'a reported official',
      'The transport minister said on Tuesday that the EU should lift the ban on detection jammers.',
    ],
    [
      'a reported official, attribution after',
      'The EU should lift the ban on detection jammers, the transport minister told reporters.',
    ],
    ['according to', 'According to the airline association, regulators must approve the new flight corridors quickly.'],
    [
      'passive reporting',
      'It is often argued that airports should simply buy more radars and leave the rest to police.',
    ],
    [
      'a named analyst',
      'Anna Berg, an analyst at the Nordic Institute, believes the region must build its own interceptors.',
    ],
    ['a quotation', '“Europe must act now, before a drone hits an aircraft,” the commissioner told the conference.'],
    ['critics', 'Critics of the ministry argue that the agency should be abolished and its budget returned.'],
    [
      'a view the author rejects',
      'Some commentators say Europe should simply copy the American counter-drone model. That would be a mistake.',
    ],
    [
      'a view the author rejects, "this is the wrong lesson"',
      'The obvious conclusion is that every airport should buy its own jamming system. This is the wrong lesson.',
    ],
    [
      'a counterfactual "if X were to …, it would have to …"',
      'If Sweden were to leave the scheme, it would have to build a detection network of its own.',
    ],
    ['"would need to"', 'Member states would need to agree unanimously before any such database could open.'],
    ['an inverted conditional', 'Should the talks fail, airports must rely on their own radars for another decade.'],
    ['hindsight', 'Regulators should have acted years ago, when the first sightings were reported.'],
    ['hindsight, negated', 'The ministry should never have cut the budget of the police drone unit.'],
    ['"must have been"', 'The pressure on air-traffic controllers that night must have been immense.'],
    ['a question', 'Should every airport be required to buy its own detection radar?'],
    [
      'an existing rule, not a proposal',
      'Under the current rules, operators must report every incident within 72 hours.',
    ],
    ['"nobody should be surprised"', 'Nobody should be surprised that the sightings keep rising every summer.'],
    ['a headline', 'Europe Should Not Have To Live With Drones Over Its Airports.'],
    ['a warning about an abstract thing', 'That resilience is real, but it should not breed complacency.'],
    ['"the lesson should not be lost"', 'The lesson of the Aalborg closure should not be lost again.'],
    [
      'a burden of proof, described',
      'Investigators must prove that a drone was flown on purpose, and such cases take a year or more.',
    ],
    ['a forecast', 'Prices for detection radars should fall next year as new suppliers enter the market.'],
    ['a step of a procedure', 'The drone bill must still pass the upper house before it becomes law in the spring.'],
    ['a speaker in the middle', 'The EU should, the minister added, lift the ban on detection jammers this year.'],
    [
      'a view the author rejects, "precisely the wrong answer"',
      'Airports should simply close whenever a drone is seen. This is precisely the wrong answer.',
    ],
  ])('%s', async (_, distractor) => {
    expect(await recTexts(distractor, genuine)).toEqual([genuine]);
  });

  it('the author\'s own "we believe … should" and a prescriptive "should have a seat" stay recommendations', async () => {
    const mine = 'We believe the region should build one detection network instead of eight.';
    const seat = 'Airlines should have a seat on the board that runs the network.';
    expect(await recTexts(mine, seat)).toEqual([mine, seat]);
  });

  it('advice phrased otherwise ("would do well to", "What Europe needs is", an argument the author endorses) is found', async () => {
    const found = [
      'Europe would do well to copy the Finnish model of civil defence for its airports.',
      'What Europe needs is a common standard for drone detection at civil airports.',
      'As Anna Berg rightly argues, the region must build its own interceptor drones.',
    ];
    expect(await recTexts(...found)).toEqual(found);
  });
});
