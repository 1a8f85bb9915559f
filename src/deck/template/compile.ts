import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { TemplateError } from '../../errors.js';
import { HELPER_NAMES } from '../helpers.js';
import { packagePath } from '../../paths.js';

/** Compiled template specs (see compile()); only a cache: deleting it is always safe. */
const CACHE_DIR = process.env.BRIEFDECK_CACHE_DIR ?? packagePath('node_modules', '.cache', 'briefdeck', 'templates');

const HANDLEBARS_OPTIONS: CompileOptions = {
  // Unknown helpers are errors at load time, with a line, rather than silent output at render time.
  knownHelpersOnly: true,
  knownHelpers: Object.fromEntries(HELPER_NAMES.map((name) => [name, true])),
  preventIndent: true,
};

/**
 * Compiles eagerly so syntax errors and unknown helpers surface at load time
 * with the file and line. (Handlebars' own compile() is lazy: it would fail
 * only at render time.) Precompiling once and loading the spec is what
 * compile() does inside, so nothing is compiled twice; specs are kept in a
 * disk cache keyed by their source. The cache stays because it is measured to
 * matter: without it (BRIEFDECK_CACHE_DIR pointed at a folder that cannot be
 * made), `build content --no-pdf` took 60 ms more CPU per run (median of 30
 * interleaved runs each, `/usr/bin/time -f "%e %U %S"`: 490 ms against 430 ms,
 * user+sys; 2026-12-02, 2 cores under load, so wall times were too noisy to
 * compare), against a 15 ms threshold. Precompiling the default template's 13
 * files alone takes 35–50 ms in a fresh process.
 */
export function compile(hbs: typeof Handlebars, source: string, file: string): Handlebars.TemplateDelegate {
  const key = createHash('sha1')
    .update(`${Handlebars.VERSION}\0${JSON.stringify(HANDLEBARS_OPTIONS)}\0${source}`)
    .digest('hex');
  const cached = path.join(CACHE_DIR, `${key}.js`);
  let spec: string | undefined;
  try {
    spec = readFileSync(cached, 'utf8');
  } catch {
    try {
      spec = hbs.precompile(source, HANDLEBARS_OPTIONS) as unknown as string; // typed as a spec object, but it is the spec's source
    } catch (error) {
      throw handlebarsError(error, file, source);
    }
    try {
      mkdirSync(CACHE_DIR, { recursive: true });
      writeFileSync(cached, spec);
    } catch {
      // A read-only install just compiles every time.
    }
  }
  // A template spec is code by design (templates are trusted; content never reaches here).
  return hbs.template(new Function(`return ${spec}`)() as Parameters<typeof hbs.template>[0]);
}

function handlebarsError(error: unknown, file: string, source: string): TemplateError {
  const message = error instanceof Error ? error.message : String(error);
  const at = (line: number | undefined) => ({ file, line });
  const unknownHelper = /unknown helper (\S+) - (\d+):\d+/.exec(message);
  if (unknownHelper) {
    const hint = `templates can use: ${HELPER_NAMES.join(', ')}, and Handlebars' if, unless, each, with, lookup`;
    return new TemplateError(`unknown helper "${unknownHelper[1]}"`, hint, at(Number(unknownHelper[2])), {
      cause: error,
    });
  }
  const mismatch = /^(\S+) doesn't match (\S+) - (\d+):\d+/.exec(message);
  if (mismatch) {
    return new TemplateError(
      `{{/${mismatch[2]}}} closes {{#${mismatch[1]}}}`,
      `close {{#${mismatch[1]}}} with {{/${mismatch[1]}}}`,
      at(Number(mismatch[3])),
      { cause: error },
    );
  }
  if (/got 'EOF'/.test(message)) {
    // Handlebars reports the end of the file; the useful line is where the unclosed block opened.
    const open = unclosedBlock(source);
    if (open)
      return new TemplateError(`{{#${open.name}}} is never closed`, `add {{/${open.name}}}`, at(open.line), {
        cause: error,
      });
  }
  const line = /line (\d+)/.exec(message)?.[1];
  const got = /got '([^']+)'/.exec(message)?.[1];
  return new TemplateError(
    `template syntax error${got ? `: unexpected ${got}` : ''}`,
    'check the {{ }} tags on this line',
    at(line ? Number(line) : undefined),
    {
      cause: error,
    },
  );
}

/** The innermost block helper opened and not closed, by a scan of the tags. */
function unclosedBlock(source: string): { name: string; line: number } | undefined {
  const stack: Array<{ name: string; line: number }> = [];
  for (const match of source.matchAll(/\{\{~?([#/])>?\s*([\w.-]+)/g)) {
    const line = source.slice(0, match.index).split('\n').length;
    if (match[1] === '#') stack.push({ name: match[2]!, line });
    else if (stack[stack.length - 1]?.name === match[2]) stack.pop();
  }
  return stack[stack.length - 1];
}

/** A `{{> name}}` whose partial exists nowhere in the chain is an error now, not at render time. */
export function checkPartials(ast: hbs.AST.Program, file: string, partials: Record<string, string>): void {
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    const n = node as { type?: string; name?: { type?: string; original?: string }; loc?: { start: { line: number } } };
    if ((n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') && n.name?.type === 'PathExpression') {
      const name = n.name.original!;
      if (name !== '@partial-block' && !partials[name]) {
        throw new TemplateError(
          `missing partial "${name}"`,
          `create partials/${name}.hbs, or fix the name (available: ${Object.keys(partials).sort().join(', ')})`,
          {
            file,
            line: n.loc?.start.line,
          },
        );
      }
    }
    for (const value of Object.values(node)) {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') visit(value);
    }
  };
  visit(ast);
}
