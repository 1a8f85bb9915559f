import * as v from 'valibot';

/*
 * Valibot issues in the words briefdeck's messages have always used (they were zod's).
 * config.ts and deck/template.ts validate with these too.
 */

/** How a value's type is named in "expected string, received array". */
function typeName(input: unknown): string {
  if (typeof input === 'number') return Number.isNaN(input) ? 'NaN' : Number.isFinite(input) ? 'number' : String(input);
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'object' && Object.getPrototypeOf(input) !== Object.prototype && input.constructor)
    return input.constructor.name;
  return typeof input;
}

/** The message for a value of the wrong type, for a schema's `message` argument. */
export function expected(type: string): (issue: v.BaseIssue<unknown>) => string {
  return (issue) => `Invalid input: expected ${type}, received ${typeName(issue.input)}`;
}

/** The message of an issue whose schema or action has none of its own: pass it as `message` to `v.safeParse`. */
export function issueMessage(issue: v.BaseIssue<unknown>): string {
  switch (issue.type) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'array':
    case 'record':
      return expected(issue.type)(issue);
    case 'object':
    case 'strict_object':
    case 'variant':
      return isUnknownKey(issue) ? `Unrecognized key: "${String(issue.input)}"` : expected('object')(issue);
    case 'finite':
      return expected('number')(issue);
    case 'integer':
      return 'Invalid input: expected int, received number';
    case 'min_length':
      return typeof issue.input === 'string'
        ? `Too small: expected string to have >=${issue.requirement} characters`
        : `Too small: expected array to have >=${issue.requirement} items`;
    case 'min_value':
      return `Too small: expected number to be >=${issue.requirement}`;
    case 'gt_value':
      return `Too small: expected number to be >${issue.requirement}`;
    default:
      return 'Invalid input'; // e.g. a union that no option fits
  }
}

/** A key that a strict object does not know: valibot reports one (the first) with the key as its input. */
export function isUnknownKey(issue: v.BaseIssue<unknown>): boolean {
  return issue.type === 'strict_object' && issue.expected === 'never';
}

/** The issue's path as keys, e.g. ['keywords', '1']. */
export function issuePath(issue: v.BaseIssue<unknown>): string[] {
  return issue.path?.map((item) => String(item.key)) ?? [];
}

/** v.object, but a missing key's message names the type it wants: valibot's issue names only the key. */
export function object<const E extends v.ObjectEntries>(entries: E) {
  return v.object(entries, missingKeyMessage(entries));
}

/** object(), but a key it does not know is an error rather than dropped (a misspelt "defualt" in template.json). */
export function strictObject<const E extends v.ObjectEntries>(entries: E) {
  return v.strictObject(entries, missingKeyMessage(entries));
}

function missingKeyMessage(entries: v.ObjectEntries): (issue: v.BaseIssue<unknown>) => string {
  return (issue) => {
    const key = issue.input === undefined ? issue.path?.[0]?.key : undefined;
    return typeof key === 'string' ? expected(entries[key]!.expects.toLowerCase())(issue) : issueMessage(issue);
  };
}

/** A fixed set of strings; the message lists them. */
export function oneOf<const T extends readonly string[]>(options: T) {
  return v.picklist(options, `Invalid option: expected one of ${options.map((o) => `"${o}"`).join('|')}`);
}

/*
 * v.object, v.strictObject and v.variant take arrays too, and v.record any object. Pipe one of
 * these in front of them to turn away the rest with the message for a value of the wrong type.
 */

/** Any object but an array (a Date, say, still passes, as it did). */
export function objectInput() {
  return v.custom<Record<string, unknown>>(
    (input) => typeof input === 'object' && input !== null && !Array.isArray(input),
    expected('object'),
  );
}

/** A plain `key: value` map. */
export function recordInput() {
  return v.custom<Record<string, unknown>>(
    (input) =>
      typeof input === 'object' &&
      input !== null &&
      !Array.isArray(input) &&
      [Object.prototype, null].includes(Object.getPrototypeOf(input)),
    expected('record'),
  );
}

/** A `key: value` map of anything, copied without a `__proto__` key (v.record would drop `constructor` and `prototype` too). */
export function anyMap() {
  return v.pipe(
    recordInput(),
    v.transform((map) => Object.fromEntries(Object.entries(map).filter(([key]) => key !== '__proto__'))),
  );
}
