import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { ContentError } from '../errors.js';
import { withoutControlCharacters } from './text.js';

/** A YAML mapping as the user wrote it, with what is needed to point at its lines. */
export interface YamlMap {
  data: Record<string, unknown>;
  /** Line in the file of a key path (or of its nearest existing parent). */
  lineOf(path: readonly PropertyKey[]): number;
}

/**
 * Parses YAML that must be a mapping (front matter, config files) with the
 * `yaml` package, which keeps node positions so that validation errors later
 * can name a line. `firstLine` is the file line the text starts on.
 */
export function parseYamlMap(text: string, file: string, firstLine: number, what: string): YamlMap | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;

  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.pos ? toFileLine(yamlError.pos[0]) : firstLine;
    throw new ContentError(`invalid YAML in ${what}: ${describeYamlError(yamlError.code, yamlError.message)}`, yamlHint(yamlError.code), { file, line }, { cause: yamlError });
  }
  const data: unknown = stripControls(doc.toJS());
  if (data === null || data === undefined) return undefined;
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ContentError(`${what} must be \`key: value\` lines`, 'for example `title: Moscow plot briefing`', { file, line: firstLine });
  }
  return { data: data as Record<string, unknown>, lineOf: (path) => lineOfPath(doc, path, toFileLine) ?? firstLine };
}

/** `"\u0007"` in a quoted YAML string makes a control character: drop those too (see withoutControlCharacters). */
function stripControls(value: unknown): unknown {
  if (typeof value === 'string') return withoutControlCharacters(value);
  if (Array.isArray(value)) return value.map(stripControls);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, stripControls(item)]));
  }
  return value;
}

function lineOfPath(
  doc: Document,
  path: readonly PropertyKey[],
  toFileLine: (offset: number) => number,
): number | undefined {
  // Point at the key ("title:") rather than its value, which may start on a later line.
  // Walk up until a node exists: a missing key is reported at its parent.
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1) as unknown[], true);
    const segment = path[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && String(item.key.value) === String(segment));
      const range = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
      if (range) return toFileLine(range[0]);
    } else if (isSeq(parent)) {
      const range = (parent.items[Number(segment)] as { range?: [number, number, number] } | undefined)?.range;
      if (range) return toFileLine(range[0]);
    }
  }
  return undefined;
}

function describeYamlError(code: string, message: string): string {
  // yaml's messages end with "at line X, column Y" (relative to the front matter): drop it, we give the file line.
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'a key appears twice';
  return first.charAt(0).toLowerCase() + first.slice(1);
}

function yamlHint(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'keep one of the two lines';
    case 'TAB_AS_INDENT':
      return 'indent with spaces, not tabs';
    case 'MISSING_CHAR':
    case 'BAD_DQ_ESCAPE':
      return 'check the quotes on this line: every opening quote needs a closing one';
    default:
      return 'quote values that contain `: ` or start with a special character, e.g. title: "Moscow: a briefing"';
  }
}
