import { describe, expect, it } from 'vitest';
import { implicationScore } from '../../src/draft/cues.js';
import { draftBriefing } from '../../src/draft/index.js';

/** Three paragraphs of prose, two of them consequences, and a recommendations list. */
const drought = `# Water utilities and drought

Reservoir levels across the basin fell to their lowest point in forty years this summer, and three cities imposed mandatory restrictions on outdoor watering for the first time.

The shortfall could undermine farm output in the valley, where irrigation accounts for most water use and wells are already running dry.

Utilities warned that the risk of further cuts will grow if the autumn rains fail again, which forecasters consider likely.

## What utilities should do

- Raise tiered prices for the heaviest users.
- Publish weekly reservoir data.
- Fund leak detection in the oldest districts.
`;

describe('each sentence in one section, where it belongs', () => {
  it("a short article's consequences go under Implications, not into the summary bullets", async () => {
    const { draft } = await draftBriefing(drought, { file: 'drought.md' });
    // Two sentences state consequences; the bottom line may take one, Implications gets the other.
    expect(draft.implications.flatMap((g) => g.bullets)).not.toHaveLength(0);
    expect(draft.summary.filter((b) => implicationScore(b.source.text) >= 3)).toEqual([]);
  });

  it('a compound with "risk" ("war-risk premiums", "low-risk bonds") is no consequence cue', () => {
    expect(implicationScore('Insurers raised war-risk premiums for ships in January.')).toBeLessThan(2);
    expect(implicationScore('Banks hold low-risk bonds.')).toBeLessThan(2);
    expect(implicationScore('The closures put the islands at risk.')).toBeGreaterThanOrEqual(2);
    expect(implicationScore('Insurers see a growing risk of losses.')).toBeGreaterThanOrEqual(2);
  });
});
