/*
 * Checks a map read from YAML or JSON (front matter, briefdeck.config, template.json, deck.json)
 * against a schema written with the functions below, and says what is wrong in briefdeck's own
 * words. Each problem carries the key path it is about, so that the caller can name its line
 * (YamlMap.lineOf, jsonLines). Every problem is collected, in schema order; callers report the first.
 *
 * Messages come in two voices, both written here: `message()` ("invalid input: expected string,
 * received number"), used for template.json and deck.json, and `sentence()` ("should be a string,
 * not a number", "is required"), used for the files most users write (front matter, the config file).
 */

export type Path = string[];

export type Problem =
  /** A required key is absent. */
  | { kind: 'missing'; path: Path; expected: string }
  /** A value of another type than the schema's. */
  | { kind: 'type'; path: Path; expected: string; received: unknown }
  /** Keys an object does not know, every one of them, in the order written; `path` is the object's. */
  | { kind: 'unknown'; path: Path; keys: string[] }
  /** A value of the right type that breaks a rule; the schema wrote the message. */
  | { kind: 'rule'; path: Path; message: string };

interface Context {
  problems: Problem[];
  /** Keys that objects with `unknown: 'ignore'` left out, for warnings. */
  ignored: Path[];
}

const INVALID = Symbol('invalid');
type Checked<T> = T | typeof INVALID;

/** `In` is what a user may write (optional and defaulted keys may be left out); `Out` what validate returns. */
export interface Schema<Out, In = Out> {
  /** The type a wrong value is measured against: "string", "integer", "array", "object", "map"… */
  readonly expects: string;
  check(input: unknown, path: Path, context: Context): Checked<Out>;
  /** Type only: what a user may write. */
  readonly input?: In;
}

export type Infer<S> = S extends Schema<infer Out, unknown> ? Out : never;
export type InferInput<S> = S extends Schema<unknown, infer In> ? In : never;

export type Validated<T> = { ok: true; value: T; ignored: Path[] } | { ok: false; problems: Problem[] };

export function validate<Out>(schema: Schema<Out, unknown>, input: unknown): Validated<Out> {
  const context: Context = { problems: [], ignored: [] };
  const value = schema.check(input, [], context);
  return value === INVALID || context.problems.length
    ? { ok: false, problems: context.problems }
    : { ok: true, value, ignored: context.ignored };
}

// --- Values ---------------------------------------------------------------------------------------

function typed<T>(expects: string, fits: (input: unknown) => input is T, otherwise?: (input: unknown) => string) {
  return {
    expects,
    check(input: unknown, path: Path, context: Context): Checked<T> {
      if (fits(input)) return input;
      context.problems.push(
        otherwise
          ? { kind: 'rule', path, message: otherwise(input) }
          : { kind: 'type', path, expected: expects, received: input },
      );
      return INVALID;
    },
  } satisfies Schema<T>;
}

/** A string; `otherwise` words the message for a value of another type (a date written as a number, say). */
export function string(otherwise?: (input: unknown) => string): Schema<string> {
  return typed('string', (input): input is string => typeof input === 'string', otherwise);
}

/** A finite number: YAML's .inf and .nan are numbers too, but nothing briefdeck sets takes them. */
export function number(): Schema<number> {
  return typed('number', (input): input is number => typeof input === 'number' && Number.isFinite(input));
}

/** A whole number, at least `min` or above `above` when given. A value that is no number at all is said to want a number. */
export function integer({ min, above }: { min?: number; above?: number } = {}): Schema<number> {
  const finite = number();
  return {
    expects: 'integer',
    check(input, path, context) {
      const value = finite.check(input, path, context);
      if (value === INVALID) return INVALID;
      const problem = !Number.isInteger(value)
        ? ({ kind: 'type', path, expected: 'integer', received: value } as const)
        : min !== undefined && value < min
          ? ({ kind: 'rule', path, message: `too small: expected number to be >=${min}` } as const)
          : above !== undefined && value <= above
            ? ({ kind: 'rule', path, message: `too small: expected number to be >${above}` } as const)
            : undefined;
      if (!problem) return value;
      context.problems.push(problem);
      return INVALID;
    },
  };
}

export function boolean(): Schema<boolean> {
  return typed('boolean', (input): input is boolean => typeof input === 'boolean');
}

/** One of a fixed set of values (strings, or true/false); the message lists them. */
export function oneOf<const T extends readonly (string | boolean)[]>(values: T): Schema<T[number]> {
  const message = `invalid option: expected one of ${values.map((value) => JSON.stringify(value)).join('|')}`;
  return typed(
    'option',
    (input): input is T[number] => values.includes(input as T[number]),
    () => message,
  );
}

/** A value the check `step` passed, or changed (trimmed, normalised); `step` returns reject(…) to refuse it. */
export function refine<T, U, In>(schema: Schema<T, In>, step: (value: T) => U | Rejection): Schema<U, In> {
  return {
    expects: schema.expects,
    check(input, path, context) {
      const value = schema.check(input, path, context);
      if (value === INVALID) return INVALID;
      const result = step(value);
      if (!(result instanceof Rejection)) return result;
      context.problems.push({ kind: 'rule', path, message: result.message });
      return INVALID;
    },
  };
}

class Rejection {
  constructor(readonly message: string) {}
}

/** What a `refine` step returns for a value that breaks its rule: `message` says which, e.g. "must not be empty". */
export function reject(message: string): Rejection {
  return new Rejection(message);
}

// --- Lists and maps -------------------------------------------------------------------------------

export function list<T, In>(item: Schema<T, In>, options: { min?: number } = {}): Schema<T[], In[]> {
  return {
    expects: 'array',
    check(input, path, context) {
      if (!Array.isArray(input)) return wrongType(context, path, 'array', input);
      const values = input.map((value, index) => item.check(value, [...path, String(index)], context));
      if (values.includes(INVALID)) return INVALID;
      if (options.min !== undefined && values.length < options.min) {
        context.problems.push({
          kind: 'rule',
          path,
          message: `must have at least ${options.min} item${options.min === 1 ? '' : 's'}`,
        });
        return INVALID;
      }
      return values as T[];
    },
  };
}

/** One value or a list of them (`templates: mine` or `templates: [a, b]`), as a list. */
export function oneOrList<T, In>(item: Schema<T, In>): Schema<T[], In | In[]> {
  const many = list(item);
  return {
    expects: item.expects,
    check(input, path, context) {
      if (Array.isArray(input)) return many.check(input, path, context);
      const value = item.check(input, path, context);
      return value === INVALID ? INVALID : [value];
    },
  };
}

function wrongType(context: Context, path: Path, expected: string, received: unknown): typeof INVALID {
  context.problems.push({ kind: 'type', path, expected, received });
  return INVALID;
}

/** A `key: value` map (not a list), read as JSON and YAML give it. */
function isMap(input: unknown): input is Record<string, unknown> {
  return typeof input === 'object' && input !== null && !Array.isArray(input);
}

/**
 * A `key: value` map of any keys (or those `key` accepts), each value checked by `value`. A `__proto__` key is left out: it
 * would set the prototype of the copy that the deck's options are merged into.
 */
export function map<T, In>(
  value: Schema<T, In>,
  { key: checkKey }: { key?: (key: string) => unknown } = {},
): Schema<Record<string, T>, Record<string, In>> {
  return {
    expects: 'map',
    check(input, path, context) {
      if (!isMap(input)) return wrongType(context, path, 'map', input);
      const entries = Object.keys(input)
        .filter((key) => key !== '__proto__')
        .map((key) => {
          // `key` (when given) refuses a key by returning reject(…): the problem is at the key's own line.
          const refused = checkKey?.(key);
          if (refused instanceof Rejection) {
            context.problems.push({ kind: 'rule', path: [...path, key], message: refused.message });
            return [key, INVALID] as const;
          }
          return [key, value.check(input[key], [...path, key], context)] as const;
        });
      return entries.some(([, checked]) => checked === INVALID)
        ? INVALID
        : (Object.fromEntries(entries) as Record<string, T>);
    },
  };
}

/** Any value: a briefing's `options` are checked later, against its template's. */
export function anything(): Schema<unknown> {
  return { expects: 'value', check: (input) => input };
}

// --- Objects --------------------------------------------------------------------------------------

export interface Optional<Out, In, Defaulted extends boolean> {
  optional: Schema<Out, In>;
  fallback?: Out;
  /** Type only: whether a left-out key gets `fallback`. */
  readonly defaulted?: Defaulted;
}

/** A key that may be left out; with `fallback`, a left-out key has that value. */
export function optional<Out, In>(schema: Schema<Out, In>): Optional<Out, In, false>;
export function optional<Out, In>(schema: Schema<Out, In>, fallback: Out): Optional<Out, In, true>;
export function optional<Out, In>(schema: Schema<Out, In>, fallback?: Out): Optional<Out, In, boolean> {
  return { optional: schema, fallback };
}

type AnySchema = Schema<unknown, unknown>;
// biome-ignore lint/suspicious/noExplicitAny: any Optional, whatever its types (Optional<unknown…> would refuse Optional<string…>).
type Field = AnySchema | Optional<any, any, boolean>;
export type Fields = Record<string, Field>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};
type OutputOf<F> =
  F extends Optional<infer Out, unknown, boolean> ? Out : F extends Schema<infer Out, unknown> ? Out : never;
type InputOf<F> =
  F extends Optional<unknown, infer In, boolean> ? In : F extends Schema<unknown, infer In> ? In : never;
type MayBeLeftOut<F> = F extends Optional<unknown, unknown, false> ? true : false;
type IsOptional<F> = F extends Optional<unknown, unknown, boolean> ? true : false;

export type ObjectOutput<F extends Fields> = Simplify<
  { [K in keyof F as MayBeLeftOut<F[K]> extends true ? K : never]?: OutputOf<F[K]> } & {
    [K in keyof F as MayBeLeftOut<F[K]> extends true ? never : K]: OutputOf<F[K]>;
  }
>;
export type ObjectInput<F extends Fields> = Simplify<
  { [K in keyof F as IsOptional<F[K]> extends true ? K : never]?: InputOf<F[K]> } & {
    [K in keyof F as IsOptional<F[K]> extends true ? never : K]: InputOf<F[K]>;
  }
>;

export interface ObjectSchema<F extends Fields> extends Schema<ObjectOutput<F>, ObjectInput<F>> {
  readonly fields: F;
}

/**
 * An object with these keys. A key it does not know is an error (`unknown: 'error'`, the default:
 * a misspelt "defualt" in template.json would otherwise do nothing, silently), or is left out
 * and listed in `ignored` for the caller to warn about (`'ignore'`).
 */
export function object<const F extends Fields>(
  fields: F,
  { unknown = 'error' }: { unknown?: 'error' | 'ignore' } = {},
): ObjectSchema<F> {
  return {
    expects: 'object',
    fields,
    check(input, path, context) {
      if (!isMap(input)) return wrongType(context, path, 'object', input);
      const unknownKeys = Object.keys(input).filter((key) => !Object.hasOwn(fields, key));
      if (unknown === 'ignore') context.ignored.push(...unknownKeys.map((key) => [...path, key]));
      const output: Record<string, unknown> = {};
      let valid = true;
      for (const [key, field] of Object.entries(fields)) {
        const schema = 'optional' in field ? field.optional : field;
        const given = Object.hasOwn(input, key) ? input[key] : undefined;
        if (given === undefined) {
          if ('optional' in field) {
            if (field.fallback !== undefined) output[key] = field.fallback;
            continue;
          }
          context.problems.push({ kind: 'missing', path: [...path, key], expected: schema.expects });
          valid = false;
          continue;
        }
        const value = schema.check(given, [...path, key], context);
        if (value === INVALID) valid = false;
        else output[key] = value;
      }
      if (unknownKeys.length && unknown === 'error') {
        context.problems.push({ kind: 'unknown', path, keys: unknownKeys });
        return INVALID;
      }
      return valid ? (output as ObjectOutput<F>) : INVALID;
    },
  };
}

/** Every key optional (settings that each have a default elsewhere). */
export function partial<const F extends Record<string, AnySchema>>(
  fields: F,
): { [K in keyof F]: Optional<Infer<F[K]>, InferInput<F[K]>, false> } {
  return Object.fromEntries(Object.entries(fields).map(([key, schema]) => [key, optional(schema)])) as {
    [K in keyof F]: Optional<Infer<F[K]>, InferInput<F[K]>, false>;
  };
}

/** Objects of several kinds told apart by one key (template.json's options by `type`), each with the fields of its kind. */
export function variant<const K extends string, const C extends Record<string, Fields>>(
  key: K,
  cases: C,
): Schema<
  { [T in keyof C & string]: Simplify<{ [P in K]: T } & ObjectOutput<C[T]>> }[keyof C & string],
  { [T in keyof C & string]: Simplify<{ [P in K]: T } & ObjectInput<C[T]>> }[keyof C & string]
> {
  const kinds = Object.keys(cases);
  const discriminator = oneOf(kinds);
  const schemas = Object.fromEntries(kinds.map((kind) => [kind, object({ [key]: oneOf([kind]), ...cases[kind] })]));
  return {
    expects: 'object',
    check(input, path, context) {
      if (!isMap(input)) return wrongType(context, path, 'object', input);
      const kind = discriminator.check(Object.hasOwn(input, key) ? input[key] : undefined, [...path, key], context);
      // biome-ignore lint/suspicious/noExplicitAny: the case's output is the union member of its kind, which TypeScript cannot follow here.
      return kind === INVALID ? INVALID : (schemas[kind]!.check(input, path, context) as any);
    },
  };
}

// --- Messages -------------------------------------------------------------------------------------

/** How a value is named in "received …": the JSON types, and NaN / Infinity (numbers, but not what was meant). */
function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  return typeof value;
}

/** The problem in the terse voice: `invalid input: expected string, received array`. */
export function message(problem: Problem): string {
  switch (problem.kind) {
    case 'missing':
      return `invalid input: expected ${problem.expected}, received undefined`;
    case 'type':
      return `invalid input: expected ${problem.expected}, received ${typeName(problem.received)}`;
    case 'unknown':
      return `unrecognized key${problem.keys.length > 1 ? 's' : ''}: ${problem.keys.map((key) => `"${key}"`).join(', ')}`;
    case 'rule':
      return problem.message;
  }
}

/** The problem as the end of a sentence about its key: `is required`, `should be a string, not an array`. */
export function sentence(problem: Exclude<Problem, { kind: 'unknown' }>): string {
  switch (problem.kind) {
    case 'missing':
      return 'is required';
    case 'type':
      return `should be ${withArticle(FRIENDLY_TYPES[problem.expected] ?? problem.expected)}, not ${received(problem)}`;
    case 'rule':
      return problem.message;
  }
}

const FRIENDLY_TYPES: Record<string, string> = { integer: 'whole number' };

function received(problem: Extract<Problem, { kind: 'type' }>): string {
  const value = problem.received;
  if (problem.expected === 'integer' && typeof value === 'number' && Number.isFinite(value)) return String(value);
  const name = typeName(value);
  return name === typeof value || name === 'array' ? withArticle(name) : name; // null, NaN, Infinity: no article
}

function withArticle(noun: string): string {
  return /^[aeiou]/.test(noun) ? `an ${noun}` : `a ${noun}`;
}

/** The key to point at (for its line): the one the problem is about, or an object's first unknown key. */
export function problemKey(problem: Problem): Path {
  return problem.kind === 'unknown' ? [...problem.path, problem.keys[0]!] : problem.path;
}

/** Unknown keys as paths in a sentence: `"reveal.width" is not a reveal.js setting`, `"a", "b" are not config fields`. */
export function unknownKeysAre(problem: Extract<Problem, { kind: 'unknown' }>, [one, many]: [string, string]): string {
  const keys = problem.keys.map((key) => `"${[...problem.path, key].join('.')}"`).join(', ');
  return problem.keys.length > 1 ? `${keys} are not ${many}` : `${keys} is not ${one}`;
}
