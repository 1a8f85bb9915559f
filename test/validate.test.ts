import { describe, expect, it } from 'vitest';
import {
  anything,
  boolean,
  integer,
  list,
  map,
  message,
  number,
  object,
  oneOf,
  oneOrList,
  optional,
  type Problem,
  problemKey,
  refine,
  reject,
  sentence,
  string,
  unknownKeysAre,
  validate,
  variant,
} from '../src/validate.js';

const problemsOf = (result: ReturnType<typeof validate>): Problem[] => (result.ok ? [] : result.problems);

describe('validate', () => {
  const schema = object({
    title: string(),
    count: optional(integer({ min: 0 })),
    tags: optional(list(string()), []),
    sizes: optional(map(object({ width: integer({ above: 0 }) }))),
  });

  it('returns the value, with defaults for keys left out and nothing for optional ones', () => {
    expect(validate(schema, { title: 'T' })).toEqual({ ok: true, value: { title: 'T', tags: [] }, ignored: [] });
  });

  it('collects every problem, each with the path of its key, in schema order', () => {
    const problems = problemsOf(validate(schema, { count: 1.5, tags: ['a', 3], sizes: { big: { width: 0 } } }));
    expect(problems).toEqual([
      { kind: 'missing', path: ['title'], expected: 'string' },
      { kind: 'type', path: ['count'], expected: 'integer', received: 1.5 },
      { kind: 'type', path: ['tags', '1'], expected: 'string', received: 3 },
      { kind: 'rule', path: ['sizes', 'big', 'width'], message: 'too small: expected number to be >0' },
    ]);
  });

  it('names every unknown key of an object, at the object, and points at the first', () => {
    const [problem] = problemsOf(
      validate(object({ sizes: map(object({ width: number() })) }), {
        sizes: { a: { width: 1, heigth: 2, depht: 3 } },
      }),
    );
    expect(problem).toEqual({ kind: 'unknown', path: ['sizes', 'a'], keys: ['heigth', 'depht'] });
    expect(problemKey(problem!)).toEqual(['sizes', 'a', 'heigth']);
    expect(message(problem!)).toBe('unrecognized keys: "heigth", "depht"');
    expect(unknownKeysAre(problem as Extract<Problem, { kind: 'unknown' }>, ['a field', 'fields'])).toBe(
      '"sizes.a.heigth", "sizes.a.depht" are not fields',
    );
  });

  it("with unknown: 'ignore', leaves unknown keys out and lists them for warnings", () => {
    const lenient = object(
      { title: string(), source: optional(object({ title: string() }, { unknown: 'ignore' })) },
      {
        unknown: 'ignore',
      },
    );
    expect(validate(lenient, { title: 'T', titel: 'x', source: { title: 'S', autor: 'A' } })).toEqual({
      ok: true,
      value: { title: 'T', source: { title: 'S' } },
      ignored: [['titel'], ['source', 'autor']],
    });
  });

  it('reads only own keys: a key named like an Object method is unknown, not a value found', () => {
    const [problem] = problemsOf(validate(object({ title: string() }), { constructor: 1 }));
    expect(problem).toEqual({ kind: 'missing', path: ['title'], expected: 'string' });
  });

  it('drops a __proto__ key from a map', () => {
    const result = validate(map(anything()), JSON.parse('{"__proto__": {"polluted": true}, "a": 1}'));
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    expect(result.ok && result.value).toEqual({ a: 1 });
  });

  it('refuses .inf and .nan as numbers, and says which they were', () => {
    const [problem] = problemsOf(validate(number(), Number.POSITIVE_INFINITY));
    expect(message(problem!)).toBe('invalid input: expected number, received Infinity');
    expect(sentence(problem as Exclude<Problem, { kind: 'unknown' }>)).toBe('should be a number, not Infinity');
  });

  it('refine: trims, and rejects with its own message', () => {
    const text = refine(string(), (value) => value.trim() || reject('must not be empty'));
    expect(validate(text, '  a ')).toEqual({ ok: true, value: 'a', ignored: [] });
    expect(problemsOf(validate(text, '  '))).toEqual([{ kind: 'rule', path: [], message: 'must not be empty' }]);
  });

  it('oneOf lists its values; oneOrList takes one value or a list', () => {
    expect(message(problemsOf(validate(oneOf([true, false, 'c']), 'x'))[0]!)).toBe(
      'invalid option: expected one of true|false|"c"',
    );
    expect(validate(oneOrList(string()), 'a')).toEqual({ ok: true, value: ['a'], ignored: [] });
    expect(problemsOf(validate(oneOrList(string()), ['a', 3]))[0]!.path).toEqual(['1']);
  });

  it('a list may need a minimum of items', () => {
    expect(message(problemsOf(validate(list(string(), { min: 1 }), []))[0]!)).toBe('must have at least 1 item');
  });

  it('variant: the kind key picks the fields, and a bad kind is named at that key', () => {
    const option = variant('type', { flag: { default: optional(boolean()) }, size: { values: list(string()) } });
    expect(validate(option, { type: 'flag', default: true })).toEqual({
      ok: true,
      value: { type: 'flag', default: true },
      ignored: [],
    });
    expect(problemsOf(validate(option, { type: 'size' }))).toEqual([
      { kind: 'missing', path: ['values'], expected: 'array' },
    ]);
    const [bad] = problemsOf(validate(option, { type: 'colour' }));
    expect(bad!.path).toEqual(['type']);
    expect(message(bad!)).toBe('invalid option: expected one of "flag"|"size"');
  });
});

describe('the two voices', () => {
  const cases: Array<[unknown, string, string]> = [
    [undefined, 'invalid input: expected string, received undefined', 'is required'],
    [['a'], 'invalid input: expected string, received array', 'should be a string, not an array'],
    [null, 'invalid input: expected string, received null', 'should be a string, not null'],
    [{}, 'invalid input: expected string, received object', 'should be a string, not an object'],
  ];
  it.each(cases)('%j', (input, terse, friendly) => {
    const [problem] = problemsOf(validate(object({ title: string() }), { title: input }));
    expect(message(problem!)).toBe(terse);
    expect(sentence(problem as Exclude<Problem, { kind: 'unknown' }>)).toBe(friendly);
  });

  it('a whole number says what it got', () => {
    const [problem] = problemsOf(validate(integer(), 1.5));
    expect(sentence(problem as Exclude<Problem, { kind: 'unknown' }>)).toBe('should be a whole number, not 1.5');
    expect(message(problemsOf(validate(integer(), 'x'))[0]!)).toBe('invalid input: expected number, received string');
  });
});
