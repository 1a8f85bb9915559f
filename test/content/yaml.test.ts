import { afterEach, describe, expect, it } from 'vitest';
import { MAX_ALIAS_COUNT, parseYamlMap } from '../../src/content/yaml.js';
import { BriefdeckError, ContentError } from '../../src/errors.js';

/** The error parseYamlMap throws for `text` read as front matter starting on line 2, or undefined. */
function errorOf(text: string, ErrorClass?: typeof BriefdeckError): BriefdeckError | undefined {
  try {
    parseYamlMap(text, 'b.md', 2, 'front matter', ErrorClass);
    return undefined;
  } catch (error) {
    if (error instanceof BriefdeckError) return error;
    throw error;
  }
}

const BOMB = [
  'a: &a [x, x, x, x, x, x, x, x, x]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
].join('\n');

describe('parseYamlMap: aliases', () => {
  it("refuses an alias bomb at the line where aliases of aliases start, as the caller's error class", () => {
    const error = errorOf(`title: T\n${BOMB}\n`);
    expect(error).toBeInstanceOf(ContentError);
    expect(error?.location).toEqual({ file: 'b.md', line: 5 }); // c: (line 2 is title)
    expect(error?.what).toBe(
      `invalid YAML in front matter: the aliases expand to more than ${MAX_ALIAS_COUNT} copies (an alias bomb?)`,
    );
    const config = errorOf(BOMB, BriefdeckError);
    expect(config?.constructor).toBe(BriefdeckError);
  });

  it('names an alias to no anchor, at its line', () => {
    const error = errorOf('title: T\nauthor: A\nsubtitle: *nope\n');
    expect(error?.location?.line).toBe(4);
    expect(error?.message).toBe(
      'b.md:4: invalid YAML in front matter: the alias *nope names no anchor before it — set the anchor first (`key: &nope value`), or write the value out; in text, quote a value that starts with *',
    );
  });

  it('still reads ordinary aliases', () => {
    expect(parseYamlMap('a: &x hello\nb: *x\n', 'b.md', 2, 'front matter')?.data).toEqual({ a: 'hello', b: 'hello' });
  });
});

describe('parseYamlMap: what yaml only warns about is an error at its line', () => {
  const emitted: unknown[] = [];
  const onWarning = (warning: unknown) => emitted.push(warning);
  afterEach(() => {
    process.off('warning', onWarning);
    emitted.length = 0;
  });

  it.each([
    [
      '!!js/function',
      'title: T\nrun: !!js/function "function () {}"\n',
      3,
      'invalid YAML in front matter: the tag !!js/function is not supported',
    ],
    ['a local tag', 'title: !shout T\n', 2, 'invalid YAML in front matter: the tag !shout is not supported'],
    [
      '!!timestamp (rolls 2026-02-30 over to 2 March)',
      'title: T\ndate: !!timestamp 2026-02-30\n',
      3,
      'invalid YAML in front matter: the tag !!timestamp is not supported',
    ],
    [
      '!!binary',
      'title: T\nlogo: !!binary aGk=\n',
      3,
      'invalid YAML in front matter: the tag !!binary is not supported',
    ],
    [
      'a core tag that does not fit',
      'title: T\nauthor: !!int abc\n',
      3,
      'invalid YAML in front matter: the value does not fit its tag !!int',
    ],
    [
      'a list as a key',
      'title: T\n? [a, b]\n: c\n',
      3,
      'front matter: a key must be plain text, not a list, map or alias',
    ],
    ['a map as a key', 'title: T\n{a: 1}: c\n', 3, 'front matter: a key must be plain text, not a list, map or alias'],
  ])('%s', (_, text, line, what) => {
    process.on('warning', onWarning);
    const error = errorOf(text);
    expect(error?.what).toBe(what);
    expect(error?.location?.line).toBe(line);
    expect(emitted).toEqual([]);
  });

  it('never prints a Node warning for a document it accepts', async () => {
    process.on('warning', onWarning);
    parseYamlMap('title: T\nlist: [a, b]\nmap: { x: 1 }\n', 'b.md', 2, 'front matter');
    await new Promise((resolve) => setImmediate(resolve)); // process.emitWarning reports on the next tick
    expect(emitted).toEqual([]);
  });
});

describe('parseYamlMap: characters', () => {
  it.each([['\\0'], ['\\x00'], ['\\u0000']])('refuses a NUL written %s, at its line', (written) => {
    const error = errorOf(`title: T\nsubtitle: "a${written}b"\n`);
    expect(error?.message).toBe(
      'b.md:3: front matter: a NUL character (written \\0 or \\x00) in a value — remove it: text cannot hold NUL characters',
    );
  });

  it('refuses a NUL in a key too', () => {
    expect(errorOf('title: T\n"a\\0": 1\n')?.location?.line).toBe(3);
  });

  it('drops other control characters written as escapes, in values and keys', () => {
    expect(parseYamlMap('title: "a\\x07b\\e[2J"\n"k\\x1b": 1\n', 'b.md', 2, 'front matter')?.data).toEqual({
      title: 'ab[2J',
      k: 1,
    });
  });
});

describe('parseYamlMap: structure', () => {
  it('calls deep nesting deep nesting', () => {
    const error = errorOf(`title: T\ndeep: ${'['.repeat(2000)}${']'.repeat(2000)}\n`);
    expect(error?.message).toBe(
      'b.md:3: invalid YAML in front matter: lists or maps are nested too deeply — a few levels are enough, e.g. source: { title: … }',
    );
  });

  it('names a %YAML directive as such, at its line', () => {
    expect(errorOf('%YAML 1.1\ntitle: T\n')?.message).toBe(
      'b.md:2: front matter: the YAML directive `%YAML 1.1` is not supported — remove the line: briefdeck reads YAML 1.2, with no directives',
    );
    // In a config file the directive can be followed by `---`: refused too (YAML 1.1 would read `yes` as true and dates as Date).
    expect(errorOf('%YAML 1.1\n---\ntemplate: default\n', BriefdeckError)?.what).toBe(
      'front matter: the YAML directive `%YAML 1.1` is not supported',
    );
    expect(errorOf('%TAG ! tag:example.com,2026:\n---\ntitle: T\n')?.location?.line).toBe(2);
  });
});
