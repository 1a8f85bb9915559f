/** Portuguese cues: «deve/devem», «deveria(m)», «é preciso», «é necessário», «recomendamos». */
import { anyWord, type LanguageCues, stopWords } from './cues.js';

export const pt: LanguageCues = {
  stopWords: stopWords(`
    o a os as um uma uns umas de do da dos das no na nos nas ao aos à às e ou mas nem que quem qual quais
    cujo onde quando como em por pelo pela pelos pelas para com sem sobre entre até desde contra segundo
    se seu sua seus suas ele ela eles elas você lhe lhes me te nos é são foi foram ser está estão estava
    estar há tem têm tinha muito mais menos também já ainda este esta estes estas esse essa esses essas
    isto isso aquilo todo todos toda todas outro outra outros outras não
    deve devem deveria deveriam cada dois três dez cem mil ano anos vez`),
  connective:
    /^(?:primeiro|em primeiro lugar|em segundo lugar|em terceiro lugar|além disso|por fim|finalmente|por último)\s*,\s*/iu,
  prescriptive: anyWord(
    'deve(?:m|mos)?',
    'dever(?:ia|iam|íamos|á|ão)',
    'há que',
    't(?:em|êm) (?:de|que)',
    'é (?:preciso|necessário|essencial|urgente|fundamental|indispensável|hora de)',
    '(?:recomendamos|propomos|defendemos)',
  ),
  notPrescriptive: [
    anyWord('devi(?:a|am)', 'dever(?:ia|iam) ter', 'dev(?:eu|eram)'),
    anyWord('segundo', '(?:diz|dizem|afirma|afirmam|defende|defendem|acredita|acreditam|considera|consideram) que'),
    /^(?:se|embora)(?![\p{L}])/iu,
  ],
  recommendationIntro: anyWord('recomend\\p{L}*', 'propostas?', 'o que fazer', 'as seguintes medidas'),
  implications: [
    [anyWord('consequências?', 'implicações?', 'repercussões?'), 3],
    [anyWord('riscos?', 'ameaç\\p{L}*', 'impactos?', 'efeitos?'), 2],
    [anyWord('(?:agrav|enfraquec|prejudic|desestabiliz)\\p{L}*'), 2],
    [anyWord('poder(?:ia|iam|á|ão)', 'custos?'), 1],
  ],
};
