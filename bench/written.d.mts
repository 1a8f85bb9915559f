// Types of bench/written.mjs, for its tests (test/bench/written.test.ts).
export interface JsonDeck {
  html: string;
  pdf?: { bytes: number } | null;
  [field: string]: unknown;
}
export function writtenBytes(report: {
  decks: JsonDeck[];
}): Promise<{ folder: number; pdf: number; outputs: Record<string, number> }>;
