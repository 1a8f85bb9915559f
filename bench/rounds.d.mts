// Types of bench/rounds.mjs, for its tests (test/bench/rounds.test.ts).
export interface RoundVariant {
  name: string;
  /** Runs only in the first `rounds` rounds. */
  rounds?: number;
}
export interface RoundRun {
  ok: boolean;
  ms: number;
  referenceMs?: number;
}
export function runRounds<V extends RoundVariant, R extends RoundRun>(
  reference: V,
  variants: V[],
  rounds: number,
  run: (variant: V, round: number) => Promise<R>,
): Promise<{ references: R[]; results: Map<string, R[]> }>;
export function relative(run: RoundRun | undefined): number | undefined;
export function perRound<R extends RoundRun>(
  a: (R | undefined)[],
  b: (RoundRun | undefined)[],
  f: (x: number, y: number, run: R) => number,
): number[];
export function spread(values: number[]): { median: number; min: number; max: number; all: number[] } | undefined;
