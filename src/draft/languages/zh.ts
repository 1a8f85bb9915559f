/**
 * Chinese cues (Simplified and Traditional): 应/應, 应当/應當, 应该/應該, 必须/必須, 建议/建議.
 * Chinese has no spaces between words, so a cue is a substring, with guards for the words that only
 * contain it: 供应 (supply), 反应 (reaction), 应对 (respond), 适应 (adapt).
 */
import { type LanguageCues, stopWords } from './cues.js';

export const zh: LanguageCues = {
  // Single characters are never terms (see sentences.ts); these are the two-character function words.
  stopWords: stopWords(`
    我们 你们 他们 她们 它们 这个 那个 这些 那些 这样 那样 因为 所以 但是 而且 并且 或者 如果 虽然 已经
    可以 没有 一个 一些 不是 就是 还是 以及 对于 关于 由于 通过 其中 之一 进行 目前 同时 此外 然而 这种
    我們 你們 他們 這個 那個 這些 這樣 因為 所以 但是 而且 並且 或者 如果 雖然 已經 可以 沒有 一個 一些
    不是 就是 還是 以及 對於 關於 由於 通過 其中 之一 進行 目前 同時 此外 然而 這種
    应当 应该 必须 建议 需要 近年 各国 應當 應該 必須 建議`),
  connective: /^(?:首先|其次|再次|最后|最後|此外|另外|第一|第二|第三)\s*[，,、]\s*/u,
  prescriptive:
    /(?<![供反响響适適相对對回效呼感顺順答报報照])[应應](?![对對用急付变變邀聘运運答声聲试試届屆])|必[须須]|[务務]必|建[议議]|有必要|[亟急][需须須]|呼[吁籲]|不得/u,
  notPrescriptive: [
    // Hindsight: 本应, 早该, 当初应该.
    /本[应應该該]|早[该該就]|当初|當初|原本[应應]/u,
    // Someone else's view: 专家认为，… (but not 我们认为 / 笔者认为).
    /(?<!我们|我們|笔者|筆者|本文)(?:认为|認為|表示|指出|声称|聲稱|强调|強調|据|據)/u,
    /^(?:如果|假如|若|倘若|即使)|吗[。？]?$|嗎[。？]?$/u,
  ],
  recommendationIntro: /建[议議]|对策|對策|措施如下|以下几点|以下幾點/u,
  implications: [
    [/后果|後果|影响|影響|冲击|衝擊/u, 2],
    [/[将將会會可能]+导致|[将將会會可能]+導致|风险|風險|威胁|威脅/u, 2],
    [/可能|代价|代價|损失|損失/u, 1],
  ],
};
