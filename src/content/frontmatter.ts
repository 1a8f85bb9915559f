import { ContentError } from '../errors.js';
import { parseYamlMap, type YamlMap } from './yaml.js';

/** The YAML front matter as the user wrote it. */
export type RawFrontMatter = YamlMap;

export interface SplitFile {
  frontMatter: RawFrontMatter;
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
}

const FENCE = /^---[ \t]*$/;
const CLOSE = /^(---|\.\.\.)[ \t]*$/;

/**
 * Splits `---` front matter from the markdown body and parses it.
 * Expects text already normalised to `\n` line endings without a BOM.
 */
export function parseFrontMatter(text: string, file: string): SplitFile {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    throw new ContentError(
      'no front matter',
      'start the file with a `---` line, then `title: …` and the other fields, then `---`',
      { file, line: 1 },
    );
  }
  const close = lines.findIndex((line, i) => i > 0 && CLOSE.test(line));
  if (close < 0) {
    throw new ContentError('front matter is not closed', 'end it with a `---` line before the markdown', {
      file,
      line: 1,
    });
  }
  const frontMatter = parseYamlMap(lines.slice(1, close).join('\n'), file, 2, 'front matter');
  if (!frontMatter) throw new ContentError('front matter is empty', 'add at least `title: …`', { file, line: 1 });
  return {
    frontMatter,
    body: lines.slice(close + 1).join('\n'),
    bodyLine: close + 2,
  };
}
