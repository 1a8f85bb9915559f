/**
 * Plain text → blocks: blank-line separated paragraphs (hard-wrapped lines joined), "•", "-", "*"
 * and numbered list items, headings (short lines without closing punctuation, or `#` lines),
 * "> " quotations, and a headline with byline/date lines at the top. Boilerplate, credits and
 * disclaimers are moved out by the line classifier.
 */

import { afterAttributionDash } from '../../content/attribution.js';
import { absorbLine, classifyLine, emptyMeta, squash, withoutHiddenMarkup } from './lines.js';
import type { ArticleText, Block } from '../article.js';

const BULLET = /^\s{0,8}([•·‣▪◦●○■□➢➤►✓✔*+-])\s+(\S.*)$/;
const NUMBERED = /^\s{0,8}(?:(\d{1,2})[.)]|\((\d{1,2})\))\s+(\S.*)$/;
const HASH_HEADING = /^\s{0,3}(#{1,6})\s+(.+?)\s*#*\s*$/;
const QUOTE_LINE = /^\s{0,3}>\s?(.*)$/;

interface Line {
  text: string;
  number: number;
}

export function readText(source: string, file: string): ArticleText {
  const meta = emptyMeta();
  const dropped: string[] = [];
  const lines = withoutHiddenMarkup(source)
    .split('\n')
    .map((text, i) => ({ text: text.replace(/\t/g, '    ').replace(/\s+$/, ''), number: i + 1 }));

  // Groups of consecutive non-blank lines.
  const groups: Line[][] = [];
  let current: Line[] = [];
  for (const line of lines) {
    if (squash(line.text) === '') {
      if (current.length) groups.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length) groups.push(current);

  const blocks: Block[] = [];
  let listId = 0;
  let lastWasList = false;
  let lastOrdered = false;
  let bodyStarted = false;
  for (const [g, group] of groups.entries()) {
    // The top of the article: navigation, a kicker, the headline, byline/date/publisher lines.
    if (!bodyStarted && g < 8) {
      const rest: Line[] = [];
      for (const [l, line] of group.entries()) {
        const text = squash(line.text);
        const kind = classifyLine(stripEmphasis(text), true);
        if (
          !kind &&
          !meta.title &&
          !blocks.length &&
          !rest.length &&
          isHeadline(text, line, group.slice(l + 1), groups[g + 1])
        ) {
          meta.title = text.replace(HASH_HEADING, '$2');
          continue;
        }
        if (absorbLine(meta, dropped, kind, text)) continue;
        rest.push(line);
      }
      if (!rest.length) continue;
      bodyStarted = true;
      group.splice(0, group.length, ...rest);
    }
    // Every line on its own may be boilerplate, a credit or a disclaimer ("Share." "Exit mobile version").
    const kept = group.filter((line) => !absorbLine(meta, dropped, classifyLine(squash(line.text), false), line.text));
    if (!kept.length) continue;

    const first = kept[0]!;
    const hash = HASH_HEADING.exec(first.text);
    if (kept.length === 1 && hash) {
      blocks.push({ kind: 'heading', text: squash(hash[2]!), level: hash[1]!.length, line: first.number });
      lastWasList = false;
      continue;
    }
    if (kept.every((line) => QUOTE_LINE.test(line.text))) {
      const quoted = kept.map((line) => QUOTE_LINE.exec(line.text)![1]!);
      const speaker = quoted.length > 1 ? squash(afterAttributionDash(quoted[quoted.length - 1]!) ?? '') : '';
      blocks.push({
        kind: 'quote',
        text: squash((speaker ? quoted.slice(0, -1) : quoted).join(' ')),
        attribution: speaker || undefined,
        line: first.number,
      });
      lastWasList = false;
      continue;
    }
    if (BULLET.test(first.text) || NUMBERED.test(first.text)) {
      // Items separated by blank lines are still one list, unless bullets turn into numbers or back.
      const ordered = !BULLET.test(first.text);
      if (!lastWasList || ordered !== lastOrdered) listId++;
      lastOrdered = ordered;
      let item: Block | undefined;
      for (const line of kept) {
        const bullet = BULLET.exec(line.text);
        const numbered = NUMBERED.exec(line.text);
        if (bullet || numbered) {
          item = {
            kind: 'item',
            text: squash(bullet ? bullet[2]! : numbered![3]!),
            list: listId,
            ordered: !bullet,
            line: line.number,
          };
          blocks.push(item);
        } else if (item) {
          item.text = squash(`${item.text} ${line.text}`);
        }
      }
      lastWasList = true;
      continue;
    }
    const text = squash(kept.map((line) => line.text).join(' '));
    const attribution = kept.length === 1 ? squash(afterAttributionDash(first.text) ?? '') : '';
    const previous = blocks[blocks.length - 1];
    if (
      attribution &&
      previous &&
      (previous.kind === 'quote' || /[”"]$/.test(previous.text)) &&
      !previous.attribution
    ) {
      previous.attribution = attribution;
      if (previous.kind !== 'quote') Object.assign(previous, { kind: 'quote' });
      continue;
    }
    if (kept.length === 1 && isHeading(text)) {
      blocks.push({ kind: 'heading', text: text.replace(/:$/, ''), level: 2, line: first.number });
    } else {
      blocks.push({ kind: 'paragraph', text, line: first.number });
    }
    lastWasList = false;
  }
  return { file, format: 'txt', blocks, meta, dropped };
}

/** A short line without closing punctuation that stands alone: a heading. "Following Recommendations:" counts. */
function isHeading(text: string): boolean {
  const words = text.split(/\s+/).length;
  if (/:$/.test(text)) return words <= 4;
  // \p{Lo}: scripts without capitals (Arabic, Chinese, Hebrew) start headings with any letter.
  return words <= 12 && !/[.!?;,…"”’)\]。！？；，؟؛،۔।॥]$/u.test(text) && /^[\p{Lu}\p{Lo}\d"“‘(]/u.test(text);
}

/**
 * A line at the top is the headline when it stands alone (the rest of its group is byline or site
 * furniture), is short, and is not followed by a list. It may end in a full stop when it is written
 * in title case or a byline follows ("Agency Nurses Are a Symptom. The Disease Is How …").
 */
function isHeadline(text: string, line: Line, after: Line[], next: Line[] | undefined): boolean {
  if (HASH_HEADING.test(line.text)) return true;
  const furniture = after.map((l) => classifyLine(stripEmphasis(squash(l.text)), true));
  if (furniture.some((kind) => !kind)) return false;
  const words = text.split(/\s+/);
  if (words.length > 20 || /[!;,:…！；，：؛،۔।॥]$/u.test(text) || !/^[\p{Lu}\p{Lo}\d"“‘]/u.test(text)) return false;
  if (/[.。]$/.test(text)) {
    const long = words.filter((w) => /^\p{L}{4,}/u.test(w));
    const capitalised = long.filter((w) => /^\p{Lu}/u.test(w)).length;
    const bylineFollows = [...furniture, classifyLine(squash(next?.[0]?.text ?? ''), true)].some(
      (kind) => kind?.type === 'meta',
    );
    if (!(long.length && capitalised / long.length >= 0.75) && !bylineFollows) return false;
  }
  const following = next?.[0];
  return !(following && (BULLET.test(following.text) || NUMBERED.test(following.text)));
}

function stripEmphasis(text: string): string {
  return text.replace(/^[*_]+|[*_]+$/g, '').trim();
}
