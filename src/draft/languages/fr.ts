/** French cues: « il faut », « doit/doivent », « devrait/devraient », « nous recommandons », « il est essentiel de ». */
import { anyWord, type LanguageCues, stopWords } from './cues.js';

export const fr: LanguageCues = {
  stopWords: stopWords(`
    le la les l un une des du de d au aux et ou mais donc or ni car que qu qui quoi dont où ce cet cette ces
    il elle ils elles on nous vous je tu lui leur leurs son sa ses mon ma mes ton ta tes notre nos votre vos
    se s en y ne pas plus moins très trop aussi ainsi comme dans par pour sur sous avec sans chez entre vers
    est sont été être a ont avait avaient sera seront fait faire été c j m n t tout tous toute toutes même
    autre autres cela ça celui celle ceux celles si alors encore déjà lors après avant depuis pendant selon
    mal bien certains certaines faut doit doivent devrait devraient chaque deux trois dix cent mille an ans aujourd hui fois`),
  connective:
    /^(?:d(?:’|')abord|ensuite|enfin|de plus|en outre|par ailleurs|premièrement|deuxièmement|troisièmement|en premier lieu|en second lieu|en dernier lieu|aussi)\s*,\s*/iu,
  prescriptive: anyWord(
    'il (?:faut|faudra|faudrait)',
    'doi[st]',
    'doivent',
    'devons',
    'devr(?:a|ait|aient|ont|ions|iez)',
    'nous (?:recommandons|préconisons|proposons|appelons à)',
    'il (?:est|sera|serait) (?:essentiel|indispensable|nécessaire|urgent|impératif|crucial|vital|temps) (?:de|d|que)',
    'il (?:convient|importe) (?:de|d)',
  ),
  notPrescriptive: [
    // Hindsight and the past: « aurait dû », « a dû », « devait ».
    anyWord('aur(?:ai[st]?|ait|aient|ions|iez|ons|ont) dû', '(?:a|ont|avait|avaient) dû', 'dev(?:ait|aient)'),
    // Someone else's view: « selon le ministre, il faut … », « les syndicats estiment que … doit ».
    anyWord('selon', "d(?:’|')après (?:lui|elle|eux|le|la|les)"),
    anyWord(
      '(?:affirme|affirment|estime|estiment|assure|assurent|déclare|déclarent|juge|jugent|pense|pensent|dit|disent|soutient|soutiennent|réclame|réclament) que',
      '(?:a|ont|avait|avaient) (?:affirmé|estimé|assuré|déclaré|jugé|dit|expliqué|indiqué|souligné|répété|annoncé) (?:\\p{L}+ ){0,3}que',
    ),
    // A supposition: « si l'État devait … ».
    /^(?:si|s’il|s'il|même si)(?![\p{L}])/iu,
  ],
  recommendationIntro: anyWord(
    'recommand\\p{L}*',
    'préconis\\p{L}*',
    'propositions?',
    'pistes?',
    'les mesures suivantes',
    'que faire',
    "ce qu(?:’|')il faut faire",
  ),
  implications: [
    [anyWord('conséquences?', 'implications?', 'répercussions?'), 3],
    [anyWord('risque\\p{L}*', 'menace\\p{L}*', 'impacts?', 'effets?', 'enjeux'), 2],
    [anyWord('(?:aggrav|fragilis|compromet|affaibl|isol|déstabilis)\\p{L}*'), 2],
    [anyWord('pourr(?:ait|aient|a|ont)', 'coûts?', 'coûte\\p{L}*'), 1],
  ],
};
