/** German cues: „sollte(n)“, „muss/müssen“, „wir empfehlen“, „es gilt, …“, „es ist notwendig“. */
import { anyWord, type LanguageCues, stopWords } from './cues.js';

export const de: LanguageCues = {
  stopWords: stopWords(`
    der die das den dem des ein eine einen einem einer eines und oder aber doch sondern denn dass daß ob wenn
    als wie wo was wer wen wem weil da so auch nur noch schon sehr mehr weniger nicht kein keine keinen
    ich du er sie es wir ihr man sich sein seine seiner seinen ihre ihren ihrem unser unsere euer
    ist sind war waren wird werden wurde wurden hat haben hatte hatten sei im in an auf aus bei mit nach von
    vor zu zum zur über unter durch für gegen ohne um bis seit zwischen dies diese dieser dieses jeder alle
    muss müssen sollte sollten jede jeder jedes zwei drei zehn hundert tausend jahr jahre mal`),
  connective:
    /^(?:erstens|zweitens|drittens|viertens|zunächst|außerdem|darüber hinaus|schließlich|ferner|zudem)\s*,\s*/iu,
  prescriptive: anyWord(
    'sollte(?:n|st|t)?',
    'muss',
    'müssen',
    'musst',
    'müsst',
    'darf nicht',
    'dürfen nicht',
    'wir (?:empfehlen|fordern|schlagen vor|raten)',
    'empfiehlt es sich',
    'es gilt(?:,| zu)',
    '(?:ist|wäre|sind) (?:es )?(?:notwendig|nötig|erforderlich|unerlässlich|geboten|dringend geboten|an der zeit)',
  ),
  notPrescriptive: [
    // Hindsight and the past: „hätte investieren müssen“, „musste“, „hätte … sollen“.
    anyWord('hätte(?:n)?', 'musste(?:n)?'),
    // An inverted condition: „Sollte die Bahn scheitern, …“ is „if the railway fails“.
    /^sollte(?:n)?\s[^?]*,/iu,
    // Someone else's view: „laut dem Minister …“, „Kritiker sagen, die Bahn müsse …“.
    anyWord('laut', 'zufolge', '(?:sagt|sagen|meint|meinen|betont|betonen|erklärt|erklären|glaubt|glauben)'),
    /^(?:wenn|falls|ob)(?![\p{L}])/iu,
  ],
  recommendationIntro: anyWord(
    'empfehl\\p{L}*',
    'empfohlen\\p{L}*',
    'vorschl(?:a|ä)g\\p{L}*',
    'was (?:jetzt )?zu tun ist',
    'folgende maßnahmen',
  ),
  implications: [
    [anyWord('folgen', 'konsequenzen', 'auswirkungen', 'implikationen'), 3],
    [anyWord('risik\\p{L}*', 'gefahr\\p{L}*', 'droh\\p{L}*', 'bedroh\\p{L}*'), 2],
    [anyWord('(?:schwäch|gefährd|untergrab|verschärf|destabilisier)\\p{L}*'), 2],
    [anyWord('könnte(?:n)?', 'kosten'), 1],
  ],
};
