/** The longest delay Node's setTimeout holds (2^31 - 1 ms, about 24.8 days); a longer one fires at once. */
export const MAX_TIMER_MS = 2 ** 31 - 1;

/** A wait in ms that a timer can hold: longer ones are capped rather than firing at once. */
export function timerSafe(ms: number): number {
  return Math.min(ms, MAX_TIMER_MS);
}
