import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Alias,
  type Document,
  type Node,
  type YAMLError,
} from 'yaml';
import { ContentError, type BriefdeckErrorClass } from '../errors.js';
import { withoutControlCharacters } from './source-text.js';

/** A YAML mapping as the user wrote it, with what is needed to point at its lines. */
export interface YamlMap {
  data: Record<string, unknown>;
  /** Line in the file of a key path (or of its nearest existing parent). */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Copies an alias (`*name`) may expand to in all: more is an alias bomb ("billion laughs"), refused. yaml's own default. */
export const MAX_ALIAS_COUNT = 100;

/**
 * Parses YAML that must be a mapping (front matter, config files) with the
 * `yaml` package, which keeps node positions so that validation errors later
 * can name a line. `firstLine` is the file line the text starts on. Every
 * problem yaml reports, error or warning, is an error at its line: a warning
 * (an unknown tag such as `!!js/function`) means the value is not what the
 * user wrote, and yaml would otherwise print it as a raw Node warning.
 * Errors are `ErrorClass`: ContentError for front matter, ConfigError
 * for the config file.
 */
export function parseYamlMap(
  text: string,
  file: string,
  firstLine: number,
  what: string,
  ErrorClass: BriefdeckErrorClass = ContentError,
): YamlMap | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    uniqueKeys: true,
    prettyErrors: false,
    // !!timestamp, !!binary, !!set … are not YAML 1.2 core tags: !!timestamp 2026-02-30 would be read as 2 March.
    resolveKnownTags: false,
    // Never a raw `(node:…) Warning` line: the one warning yaml prints itself (a list or map as a key,
    // process.emitWarning in toJS) is refused by checkNodes first; the others, in doc.warnings, are errors below.
    logLevel: 'silent',
  });
  const toFileLine = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const fail = (message: string, hint: string, offset?: number, cause?: unknown): never => {
    throw new ErrorClass(
      message,
      hint,
      { file, line: offset === undefined ? firstLine : toFileLine(offset) },
      { cause },
    );
  };

  const directive = /^%.*$/m.exec(text);
  if (directive && (hasDirectives(doc) || [...doc.errors, ...doc.warnings].some(isDirectiveProblem))) {
    fail(
      `${what}: the YAML directive \`${directive[0].trim()}\` is not supported`,
      'remove the line: briefdeck reads YAML 1.2, with no directives',
      directive.index,
    );
  }
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem)
    fail(`invalid YAML in ${what}: ${describeYamlError(problem)}`, yamlHint(problem.code), problem.pos?.[0], problem);

  try {
    checkNodes(doc, what, fail);
    const data: unknown = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    if (data === null || data === undefined) return undefined;
    if (typeof data !== 'object' || Array.isArray(data)) {
      return fail(`${what} must be \`key: value\` lines`, 'for example `title: Moscow plot briefing`');
    }
    return { data: data as Record<string, unknown>, lineOf: (path) => lineOfPath(doc, path, toFileLine) ?? firstLine };
  } catch (error) {
    if (error instanceof ReferenceError) return failAlias(doc, what, fail, error);
    // Nesting that yaml's parser let through can still be too deep for walking the tree.
    if (error instanceof RangeError)
      return fail(`${what}: lists or maps are nested too deeply`, NESTING_HINT, undefined, error);
    throw error;
  }
}

/**
 * Lines of key paths in text already read with JSON.parse (template.json):
 * JSON is YAML, whose parser keeps positions. Undefined for a path it cannot
 * place (or should the yaml package read the JSON otherwise).
 */
export function jsonLines(text: string): (path: readonly PropertyKey[]) => number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length) return () => undefined;
  return (path) => lineOfPath(doc, path, (offset) => lineCounter.linePos(offset).line);
}

type Fail = (message: string, hint: string, offset?: number, cause?: unknown) => never;

const NESTING_HINT = 'a few levels are enough, e.g. source: { title: … }';

/** A %YAML or %TAG directive (yaml knows the `!!` tag handle by default). */
function hasDirectives(doc: Document): boolean {
  return Boolean(
    doc.directives &&
      (doc.directives.yaml.explicit || Object.keys(doc.directives.tags).some((handle) => handle !== '!!')),
  );
}

/** Directives in front matter: its closing `---` is taken for the end of the directives, so yaml reports them as errors. */
function isDirectiveProblem(problem: YAMLError): boolean {
  return (
    problem.code === 'BAD_DIRECTIVE' || (problem.code === 'MISSING_CHAR' && /directives-end/.test(problem.message))
  );
}

/**
 * Before the tree becomes plain data: keys must be plain text (yaml would
 * turn a list key into the string "[ a, b ]" with a Node warning), strings
 * may not hold NUL (`"\0"`, `"\x00"`: raw NUL bytes are refused when the
 * file is read, so are these), and other control characters written as
 * escapes are dropped like raw ones (see withoutControlCharacters).
 */
function checkNodes(doc: Document, what: string, fail: Fail): void {
  visit(doc, {
    Pair(_, pair) {
      if (pair.key !== null && !isScalar(pair.key)) {
        fail(
          `${what}: a key must be plain text, not a list, map or alias`,
          'write `name: value`; quote a key that starts with [, {, ? or *',
          rangeOf(pair.key),
        );
      }
    },
    Scalar(_, scalar) {
      if (typeof scalar.value !== 'string') return;
      if (scalar.value.includes('\0'))
        fail(
          `${what}: a NUL character (written \\0 or \\x00) in a value`,
          'remove it: text cannot hold NUL characters',
          rangeOf(scalar),
        );
      scalar.value = withoutControlCharacters(scalar.value);
    },
  });
}

/** toJS throws a ReferenceError for an alias to no anchor, and for an alias bomb: say which, at the alias's line. */
function failAlias(doc: Document, what: string, fail: Fail, error: ReferenceError): never {
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_, alias) => void aliases.push(alias) });
  const unresolved = aliases.find((alias) => !alias.resolve(doc));
  if (unresolved) {
    fail(
      `invalid YAML in ${what}: the alias *${unresolved.source} names no anchor before it`,
      `set the anchor first (\`key: &${unresolved.source} value\`), or write the value out; in text, quote a value that starts with *`,
      rangeOf(unresolved),
      error,
    );
  }
  // The bomb: aliases of collections that hold aliases themselves, each level multiplying the copies.
  const nesting = aliases.find((alias) => containsAlias(alias.resolve(doc))) ?? aliases[0];
  return fail(
    `invalid YAML in ${what}: the aliases expand to more than ${MAX_ALIAS_COUNT} copies (an alias bomb?)`,
    'write the values out instead of aliases (*name) of collections that hold aliases',
    nesting && rangeOf(nesting),
    error,
  );
}

function containsAlias(node: Node | undefined): boolean {
  let found = false;
  if (node && !isAlias(node))
    visit(node, {
      Alias: () => {
        found = true;
        return visit.BREAK;
      },
    });
  return found;
}

function rangeOf(node: unknown): number | undefined {
  return (node as { range?: [number, number, number] } | null)?.range?.[0];
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
      const range = rangeOf(pair?.key);
      if (range !== undefined) return toFileLine(range);
    } else if (isSeq(parent)) {
      const range = rangeOf(parent.items[Number(segment)]);
      if (range !== undefined) return toFileLine(range);
    }
  }
  return undefined;
}

/** yaml's tag names in the short form the user wrote: tag:yaml.org,2002:int → !!int. */
const shortTag = (tag: string) => tag.replace(/^tag:yaml\.org,2002:/, '!!');
const CORE_TAGS = ['!!str', '!!int', '!!float', '!!bool', '!!null', '!!map', '!!seq'];

function describeYamlError({ code, message }: YAMLError): string {
  // yaml's messages end with "at line X, column Y" (relative to the front matter): drop it, we give the file line.
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'a key appears twice';
  if (code === 'RESOURCE_EXHAUSTION') return 'lists or maps are nested too deeply';
  const tag = /^Unresolved tag: (.*)$/.exec(first)?.[1];
  if (code === 'TAG_RESOLVE_FAILED' && tag) {
    return CORE_TAGS.includes(shortTag(tag))
      ? `the value does not fit its tag ${shortTag(tag)}`
      : `the tag ${shortTag(tag)} is not supported`;
  }
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
    case 'RESOURCE_EXHAUSTION':
      return NESTING_HINT;
    case 'TAG_RESOLVE_FAILED':
    case 'BAD_COLLECTION_TYPE':
      return 'remove the tag (!!name or !name): briefdeck reads plain YAML values (text, numbers, true/false, lists and maps)';
    default:
      return 'quote values that contain `: ` or start with a special character, e.g. title: "Moscow: a briefing"';
  }
}
