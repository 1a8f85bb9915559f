// The interleaving of npm run bench (bench/rounds.mjs), with a fake run instead of processes: no timing.
import { describe, expect, it } from 'vitest';
import { perRound, relative, runRounds } from '../../bench/rounds.mjs';

const reference = { name: 'pdf' };
const variants = [{ name: 'a' }, { name: 'b' }, { name: 'c' }, { name: 'batch', rounds: 1 }];

describe('bench rounds', () => {
  it('runs every variant once a round, in a rotating order, each between two runs of the reference', async () => {
    const order: string[][] = [[], [], []];
    await runRounds(reference, variants, 3, async (variant, round) => {
      order[round]?.push(variant.name);
      return { ok: true, ms: 1 };
    });
    expect(order[0]).toEqual(['pdf', 'a', 'pdf', 'b', 'pdf', 'c', 'pdf', 'batch', 'pdf']);
    // The batch runs in the first round only; the others start each round at a different place.
    expect(order[1]).toEqual(['pdf', 'b', 'pdf', 'c', 'pdf', 'a', 'pdf']);
    expect(order[2]).toEqual(['pdf', 'c', 'pdf', 'a', 'pdf', 'b', 'pdf']);
  });

  it('compares each run with the mean of the reference runs on either side, which cancels a steady drift', async () => {
    const cost: Record<string, number> = { pdf: 100, a: 150, b: 50, c: 100 };
    let step = 0;
    // The machine slows by 10 % of its first speed at every run.
    const { results } = await runRounds(reference, variants.slice(0, 3), 2, async (variant) => ({
      ok: true,
      ms: (cost[variant.name] ?? 0) * (1 + 0.1 * step++),
    }));
    for (const [name, ratio] of [
      ['a', 1.5],
      ['b', 0.5],
      ['c', 1],
    ] as const)
      for (const run of results.get(name) ?? []) expect(relative(run)).toBeCloseTo(ratio, 9);
    // Two variants of the same round compared through their own reference runs: a is 3× b in both rounds.
    const ab = perRound(results.get('a') ?? [], results.get('b') ?? [], (x, y) => x / y);
    expect(ab).toHaveLength(2);
    for (const value of ab) expect(value).toBeCloseTo(3, 9);
  });

  it('gives no ratio for a run next to a failed reference run', async () => {
    let count = 0;
    const { results } = await runRounds(reference, [{ name: 'a' }], 1, async (variant) => ({
      ok: variant.name !== 'pdf' || count++ > 0,
      ms: 1,
    }));
    expect(relative(results.get('a')?.[0])).toBeUndefined();
  });
});
