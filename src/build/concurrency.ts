import os from 'node:os';

/**
 * Default number of decks printed at once (tabs of one browser): one per core,
 * at most 4. Measured on 2 cores: two tabs are a little faster than one; more
 * browser processes are slower (BENCHMARKS.md).
 */
export function defaultConcurrency(): number {
  return Math.max(1, Math.min(4, os.availableParallelism()));
}
