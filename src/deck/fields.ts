import type { BriefingMeta, Source } from '../content/model.js';
import { closest } from '../did-you-mean.js';
import { TemplateError } from '../errors.js';
import { isLabelKey, LABEL_KEYS } from '../labels/index.js';
import type { DeckData } from './render.js';
import type { Marking } from '../content/marking.js';
import type { Slide, SlideConfidence, SlideItem, SlideOptionGroup, SlideQuote } from './slide.js';

/*
 * Handlebars prints a field it cannot find as nothing: `{{meta.titel}}`, or
 * `{{assets.template}}` inside a partial (where `this` is a slide, not the
 * deck), gives a silent gap or a broken image. So every path in a template is
 * checked, when the template loads, against the shape of the data that
 * renderDeck passes (below, typed so that the compiler keeps it in step), and
 * an unknown one is an error at its file and line. The walk follows the
 * context as Handlebars changes it: `{{#each}}` and `{{#with}}` step in, a
 * partial gets its caller's context (or its argument, plus its hash), and the
 * layout's `{{> (lookup . "kind")}}` is each slide kind's partial with a slide.
 *
 * The same walk checks how each field is printed: a field that holds HTML
 * (named `…Html`, or `html`) with {{{ }}}, everything else with {{ }}. The
 * other way round, {{ }} shows the tags as text and {{{ }}} turns a "<" in a
 * title into markup, and neither is visible in the sample deck.
 */

/** What a template may find at a path. `renamed`: fields that had another name in 0.1.0, for the hint. */
type Shape = ObjectShape | { list: Shape } | Leaf;
type ObjectShape = { object: Record<string, Shape>; renamed?: Record<string, string> };
type Leaf = typeof VALUE | typeof HTML | typeof ANY;

/** Plain text (or a number, a boolean): printed with {{ }}, which escapes it. */
const VALUE = 'value';
/** Sanitized HTML: printed with {{{ }}}. */
const HTML = 'html';
/** Open data (reveal settings, the raw options of the front matter): any field may be asked for. */
const ANY = 'any';
/** A field holds HTML exactly when its name says so: the compiler refuses `titleHtml: VALUE` or `label: HTML`. */
type FieldShapes<T> = {
  [K in keyof T as K extends string ? K : never]-?: K extends `${string}Html` | 'html'
    ? typeof HTML
    : Exclude<Shape, typeof HTML>;
};
const fields = <T>(shape: FieldShapes<T>, renamed?: Record<string, keyof T & string>): ObjectShape =>
  renamed ? { object: shape, renamed } : { object: shape };

const SOURCE = fields<Source>({
  title: VALUE,
  author: VALUE,
  publisher: VALUE,
  url: VALUE,
  date: VALUE,
  credit: VALUE,
  license: VALUE,
  note: VALUE,
});
const META = fields<BriefingMeta>({
  title: VALUE,
  type: VALUE,
  subtitle: VALUE,
  date: VALUE,
  author: VALUE,
  organization: VALUE,
  marking: VALUE,
  source: SOURCE,
  keywords: { list: VALUE },
  draft: VALUE,
  template: VALUE,
  options: ANY,
  lang: VALUE,
  labels: ANY,
  digits: VALUE,
  dir: VALUE,
  reveal: ANY,
});
const ITEM = fields<SlideItem>({
  html: HTML,
  number: VALUE,
  line: VALUE,
  confidence: fields<SlideConfidence>({ level: VALUE, label: VALUE }),
});
const QUOTE = fields<SlideQuote>(
  { html: HTML, attributionHtml: HTML, contextHtml: HTML },
  { attribution: 'attributionHtml', context: 'contextHtml' },
);
/** The context of each slide's partial. */
export const SLIDE = fields<Slide>(
  {
    kind: VALUE,
    number: VALUE,
    id: VALUE,
    titleHtml: HTML,
    label: VALUE,
    sectionHtml: HTML,
    recommendedBy: VALUE,
    group: VALUE,
    part: { object: { index: VALUE, count: VALUE } },
    leadHtml: HTML,
    headingIsBottomLine: VALUE,
    items: { list: ITEM },
    ordered: VALUE,
    restHtml: HTML,
    quote: QUOTE,
    groups: { list: fields<SlideOptionGroup>({ kind: VALUE, label: VALUE, items: { list: ITEM } }) },
    source: SOURCE,
    notesHtml: HTML,
    line: VALUE,
  },
  { title: 'titleHtml', section: 'sectionHtml', lead: 'leadHtml', rest: 'restHtml', notes: 'notesHtml' },
);

/** The layout's data, for a template with these option names. */
export function deckShape(options: string[], assets: string[]): Shape {
  return fields<DeckData>({
    meta: META,
    slug: VALUE,
    options: { object: Object.fromEntries(options.map((name) => [name, VALUE])) },
    slides: { list: SLIDE },
    marking: fields<Marking>({
      text: VALUE,
      draft: VALUE,
      draftNotice: VALUE,
      className: VALUE,
      colours: { object: { background: VALUE, text: VALUE } },
      style: VALUE,
    }),
    assets: { object: Object.fromEntries(assets.map((name) => [name, VALUE])) },
    size: { object: { width: VALUE, height: VALUE } },
    reveal: ANY,
    labels: { object: Object.fromEntries(LABEL_KEYS.map((key) => [key, VALUE])) },
    locale: VALUE,
  });
}

/** Handlebars' own @data variables. */
const DATA = { object: { root: ANY, index: VALUE, key: VALUE, first: VALUE, last: VALUE } } satisfies Shape;
const BUILT_IN_HELPERS = ['if', 'unless', 'each', 'with', 'lookup', 'log'];

/* Handlebars' AST (handlebars/types, namespace hbs.AST), as far as the walk reads it. */
type Node = hbs.AST.Node;
type PathNode = hbs.AST.PathExpression;
type ProgramNode = hbs.AST.Program;
type Call = hbs.AST.MustacheStatement | hbs.AST.SubExpression | hbs.AST.BlockStatement;
type Block = hbs.AST.BlockStatement;
type Partial = hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement;

/** Where the walk is: the contexts (innermost first), the names of block params, and the file for errors. */
interface Scope {
  contexts: Shape[];
  params: Map<string, Shape>;
  file: string;
}

export interface TemplateSource {
  file: string;
  ast: ProgramNode;
}

/**
 * Checks the layout (with the deck's data) and every partial it reaches (with
 * the context it is reached with); also every slide kind's partial with a
 * slide, as the layout contract says. Throws a TemplateError at the first
 * unknown field or a field printed the wrong way. `helpers` are briefdeck's own, with what each gives.
 */
export function checkFields(
  layout: TemplateSource,
  partials: Record<string, TemplateSource>,
  root: Shape,
  slideKinds: string[],
  helpers: Record<string, 'text' | 'either'>,
): void {
  const helperNames = new Set([...BUILT_IN_HELPERS, ...Object.keys(helpers)]);
  const visited = new Set<string>();
  const ids = new Map<Shape, number>();
  const idOf = (shape: Shape): string => {
    if (typeof shape === 'string') return shape;
    if (!ids.has(shape)) ids.set(shape, ids.size);
    return String(ids.get(shape));
  };
  /** Shapes made by a partial's hash, one per (context, keys, values), so that revisiting a partial is recognised. */
  const merged = new Map<string, Shape>();

  const visitPartial = (name: string, context: Shape) => {
    const partial = partials[name];
    const key = `${name}\0${idOf(context)}`;
    if (!partial || visited.has(key)) return; // a missing partial is reported by checkPartials
    visited.add(key);
    program(partial.ast, { contexts: [context], params: new Map(), file: partial.file });
  };

  const fail = (node: Node, scope: Scope, what: string, hint: string): never => {
    throw new TemplateError(what, hint, { file: scope.file, line: node.loc?.start.line });
  };

  /** The shape at a path, or an error naming the first part that does not exist. */
  const resolve = (node: PathNode, scope: Scope): Shape => {
    const [start, parts] = startOf(node, scope);
    const shape = walk(start, parts);
    if (shape) return shape;
    return fail(node, scope, ...unknownField(node, scope, start, parts));
  };

  /** Where a path starts (a context, @root, @data or a block param) and its parts from there. */
  const startOf = (node: PathNode, scope: Scope): [Shape, string[]] => {
    let parts = node.parts;
    let start: Shape;
    if (node.data) {
      start = DATA;
      if (parts[0] === 'root') [start, parts] = [root, parts.slice(1)];
    } else if (
      node.depth === 0 &&
      parts.length > 0 &&
      scope.params.has(parts[0]!) &&
      !/^(this|\.)[./]/.test(node.original)
    ) {
      [start, parts] = [scope.params.get(parts[0]!)!, parts.slice(1)];
    } else {
      start = scope.contexts[node.depth] ?? ANY; // `../` above a partial's own context: the caller's, not known here
    }
    return [start, parts];
  };

  /** The message and hint for a path that is not there. */
  const unknownField = (node: PathNode, scope: Scope, start: Shape, parts: string[]): [string, string] => {
    // What was written before the parts looked up: `@root.`, `../`, `this.`, a block param's `item.`.
    const tail = parts.join('.');
    const lead = node.original.endsWith(tail) ? node.original.slice(0, node.original.length - tail.length) : '';
    const renamed = renamedPath(start, parts);
    if (renamed) {
      const now = `${lead}${renamed.join('.')}`;
      return [`field "${node.original}" is now "${now}"`, `it holds HTML: print it with {{{${now}}}}`];
    }
    const plain = !node.data && node.depth === 0 && start === scope.contexts[0] && start !== root;
    const here = scope.contexts[0] === SLIDE ? 'a slide' : 'not the deck';
    const atRoot = plain ? corrected(root, node.parts) : undefined;
    const fix = corrected(start, parts);
    let hint: string;
    if (atRoot && walk(root, node.parts))
      hint = `here \`this\` is ${here}; the deck's fields are under @root: write "@root.${tail}"`;
    else if (fix) hint = `did you mean "${lead}${fix.join('.')}"?`;
    else if (atRoot) hint = `did you mean "@root.${atRoot.join('.')}"? (here \`this\` is ${here})`;
    else hint = `known fields are listed in templates/README.md, "What templates receive"`;
    return [`unknown field "${node.original}"`, hint];
  };

  const expression = (node: Node, scope: Scope): Shape => {
    if (node.type === 'PathExpression') return resolve(node as PathNode, scope);
    if (node.type === 'SubExpression') return call(node as Call, scope);
    return VALUE; // a literal
  };

  /** The shapes of a call's params (its hash values are checked too). */
  const args = (node: Call, scope: Scope): Shape[] => {
    for (const pair of node.hash?.pairs ?? []) expression(pair.value, scope);
    return node.params.map((param) => expression(param, scope));
  };

  /** A helper call or a plain path; returns what it gives. */
  const call = (node: Call, scope: Scope): Shape => {
    const path = node.path as PathNode;
    const params = args(node, scope);
    if (!isHelper(path, helperNames)) return expression(path, scope);
    if (path.original === 'lookup') {
      const field = node.params[1];
      return field?.type === 'StringLiteral' && params[0]
        ? (step(params[0], (field as hbs.AST.StringLiteral).value) ?? ANY)
        : ANY;
    }
    if (path.original === 't') checkLabelKey(node, scope);
    // Handlebars' own helpers (an inline `{{if test a b}}`) give one of their arguments: not checked.
    return helpers[path.original] === 'text' ? VALUE : ANY;
  };

  /** `{{t "key"}}` names a label of labels/en.yaml: a misspelt key would print nothing. */
  const checkLabelKey = (node: Call, scope: Scope) => {
    const key = node.params[0];
    if (key?.type !== 'StringLiteral') {
      fail(
        node,
        scope,
        'the `t` helper takes a label name in quotes',
        'e.g. {{t "bottomLine"}} (labels/en.yaml lists them)',
      );
    }
    const name = (key as hbs.AST.StringLiteral).value;
    if (isLabelKey(name)) return;
    const guess = closest(name, [...LABEL_KEYS]);
    fail(
      node,
      scope,
      `unknown label "${name}"`,
      guess ? `did you mean "${guess}"?` : 'labels/en.yaml lists the labels',
    );
  };

  /** {{{ }}} for HTML only, {{ }} for everything else. */
  const printed = (node: hbs.AST.MustacheStatement, shape: Shape, scope: Scope) => {
    const path = node.path as PathNode;
    const called = node.params.length > 0 || node.hash !== undefined;
    const written = called ? `${path.original} …` : path.original;
    if (!node.escaped && shape === VALUE)
      fail(
        node,
        scope,
        `${called ? `what "${path.original}" gives` : `"${written}"`} is plain text, printed with {{{ }}}`,
        `write {{${written}}}: {{{ }}} would turn a "<" in it into markup (only fields named …Html hold HTML)`,
      );
    if (node.escaped && shape === HTML)
      fail(
        node,
        scope,
        `"${written}" holds HTML, printed with {{ }}`,
        `write {{{${written}}}}: {{ }} would show its tags as text`,
      );
  };

  const block = (node: Block, scope: Scope) => {
    const path = node.path as PathNode;
    const name = isHelper(path, helperNames) ? path.original : undefined;
    const params = args(node, scope);
    let inner: Shape | undefined; // the context inside the block, when it changes
    if (name === 'each') inner = elementOf(params[0] ?? ANY);
    else if (name === 'with') inner = params[0] ?? ANY;
    else if (!name) inner = section(resolve(path, scope));
    if (node.program) {
      // {{#each items as |item i|}}: the element and its index (or key) by name.
      const named = new Map(scope.params);
      const [element, index] = node.program.blockParams ?? [];
      if (element) named.set(element, inner ?? ANY);
      if (index) named.set(index, VALUE);
      program(node.program, { ...scope, contexts: inner ? [inner, ...scope.contexts] : scope.contexts, params: named });
    }
    if (node.inverse) program(node.inverse, scope);
  };

  const partial = (node: Partial, scope: Scope) => {
    let context = node.params[0] ? expression(node.params[0], scope) : scope.contexts[0]!;
    const pairs = node.hash?.pairs ?? [];
    if (pairs.length) {
      // Handlebars gives the partial its context extended with the hash.
      const values = pairs.map((pair) => [pair.key, expression(pair.value, scope)] as const);
      const key = `${idOf(context)}\0${values.map(([k, v]) => `${k}=${idOf(v)}`).join('\0')}`;
      if (!merged.has(key))
        merged.set(
          key,
          typeof context === 'object' && 'object' in context
            ? { object: { ...context.object, ...Object.fromEntries(values) } }
            : ANY,
        );
      context = merged.get(key)!;
    }
    if ('program' in node) program(node.program, scope); // {{#> name}}…{{/name}}: the block is rendered in this context
    const named: Node = node.name; // {{> "name"}} is a StringLiteral, which the types leave out
    if (named.type === 'PathExpression' || named.type === 'StringLiteral') {
      const name =
        named.type === 'PathExpression' ? (named as PathNode).original : (named as hbs.AST.StringLiteral).value;
      if (name !== '@partial-block') visitPartial(name, context);
    } else {
      expression(named, scope);
      // {{> (lookup . "kind")}} in a slide: each slide kind's partial. Other dynamic names cannot be followed.
      if (context === SLIDE) for (const kind of slideKinds) visitPartial(kind, SLIDE);
    }
  };

  const program = (node: ProgramNode, scope: Scope) => {
    for (const statement of node.body) {
      if (statement.type === 'MustacheStatement')
        printed(statement as hbs.AST.MustacheStatement, call(statement as Call, scope), scope);
      else if (statement.type === 'BlockStatement') block(statement as Block, scope);
      else if (statement.type === 'PartialStatement' || statement.type === 'PartialBlockStatement')
        partial(statement as Partial, scope);
      else if (statement.type === 'DecoratorBlock') program((statement as Block).program, scope);
    }
  };

  program(layout.ast, { contexts: [root], params: new Map(), file: layout.file });
  for (const kind of slideKinds) visitPartial(kind, SLIDE);
}

function isHelper(path: Node, helpers: Set<string>): boolean {
  const p = path as PathNode;
  return (
    p.type === 'PathExpression' &&
    !p.data &&
    p.depth === 0 &&
    p.parts.length === 1 &&
    p.original === p.parts[0] &&
    helpers.has(p.original)
  );
}

/** One step down a path: a field of an object, `length` or an index of a list, `length` of a string. */
function step(shape: Shape, part: string): Shape | undefined {
  if (shape === ANY) return ANY;
  if (shape === VALUE || shape === HTML) return part === 'length' ? VALUE : undefined;
  if ('list' in shape) return part === 'length' ? VALUE : /^\d+$/.test(part) ? shape.list : undefined;
  return Object.hasOwn(shape.object, part) ? shape.object[part] : undefined;
}

/** The shape at the end of `parts`, or undefined if one of them is not there. */
function walk(shape: Shape, parts: string[]): Shape | undefined {
  let at: Shape | undefined = shape;
  for (const part of parts) at = at && step(at, part);
  return at;
}

/** `parts` with each unknown one replaced by the nearest known field (meta.titel → meta.title), or undefined when one has none. */
function corrected(shape: Shape, parts: string[]): string[] | undefined {
  const fixed: string[] = [];
  let at: Shape | undefined = shape;
  for (const part of parts) {
    const name =
      at && step(at, part)
        ? part
        : closest(part, at && typeof at === 'object' && 'object' in at ? Object.keys(at.object) : []);
    if (!name || !at) return undefined;
    fixed.push(name);
    at = step(at, name);
  }
  return fixed;
}

/** `parts` with the first unknown one replaced by its new name, when it is a field that was renamed. */
function renamedPath(shape: Shape, parts: string[]): string[] | undefined {
  let at = shape;
  for (const [i, part] of parts.entries()) {
    const next = step(at, part);
    if (!next) {
      const now = typeof at === 'object' && 'object' in at ? at.renamed?.[part] : undefined;
      return now ? [...parts.slice(0, i), now, ...parts.slice(i + 1)] : undefined;
    }
    at = next;
  }
  return undefined;
}

/** The context inside `{{#items}}…{{/items}}` (a section, as in Mustache): each element of a list, an object itself; a value only tests. */
function section(shape: Shape): Shape | undefined {
  if (shape === VALUE || shape === HTML) return undefined;
  return typeof shape === 'object' && 'list' in shape ? shape.list : shape;
}

/** What `{{#each}}` gives each turn: a list's element; for an object's values, anything. */
function elementOf(shape: Shape): Shape {
  return typeof shape === 'object' && 'list' in shape ? shape.list : ANY;
}
