import { parseBriefing } from '../../src/content/parse.js';
import { ContentError } from '../../src/errors.js';

/** The error a parse throws, for asserting on its message and line. */
export function errorOf(text: string, file = 'content/x.md'): ContentError {
  try {
    parseBriefing(text, file);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error('expected a ContentError');
}
