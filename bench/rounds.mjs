// Interleaved rounds for npm run bench. This machine's speed drifts 10–30 % within minutes (issue 18), and
// within one 40-second round of every variant the load of the other users can double: measuring one
// variant five times and then the next compares two different machines, and even one run of each per
// round compares the start of the round with its end. So each round runs every variant once, in an order
// that rotates from round to round (each round starts at a different place, spread over the list), and
// runs the reference (the PDF build) before the first variant and after each one: every variant is
// bracketed by two reference runs a few seconds away, and compared with their mean, which cancels a
// drift that is steady over those seconds. Ratios between two variants are then ratios of those
// relative figures within a round.
import { median } from './measure.mjs';

/**
 * Runs `run(variant, round)` (which returns `{ ok, ms, … }`) for every variant in each of `rounds`
 * rounds, a variant with `rounds: k` only in the first k (the costly batches), bracketed by runs of
 * `reference`. Returns every reference run, and by variant name its runs indexed by round, each with
 * `referenceMs`: the mean of the reference runs on either side (when both succeeded).
 */
export async function runRounds(reference, variants, rounds, run) {
  const references = [];
  const results = new Map(variants.map((variant) => [variant.name, []]));
  const runReference = async (round) => {
    const result = await run(reference, round);
    references.push(result);
    return result;
  };
  for (let round = 0; round < rounds; round++) {
    const inRound = variants.filter((variant) => round < (variant.rounds ?? rounds));
    const start = Math.round((round * inRound.length) / rounds);
    let before = await runReference(round);
    for (let i = 0; i < inRound.length; i++) {
      const variant = inRound[(start + i) % inRound.length];
      const result = await run(variant, round);
      const after = await runReference(round);
      if (before.ok && after.ok) result.referenceMs = (before.ms + after.ms) / 2;
      results.get(variant.name)[round] = result;
      before = after;
    }
  }
  return { references, results };
}

/** Per round, a run's wall time relative to its reference (undefined when either failed). */
export function relative(run) {
  return run?.ok && run.referenceMs ? run.ms / run.referenceMs : undefined;
}

/** The per-round values `f(x, y, run)` of two variants' relative times (and the first's run), for the rounds where both have one. */
export function perRound(a, b, f) {
  return a.flatMap((run, round) => {
    const [x, y] = [relative(run), relative(b[round])];
    return x === undefined || y === undefined ? [] : [f(x, y, run)];
  });
}

/** Median and range of per-round values: `{ median, min, max, all }`, or undefined when there are none. */
export function spread(values) {
  if (!values.length) return undefined;
  return { median: median(values), min: Math.min(...values), max: Math.max(...values), all: values };
}
