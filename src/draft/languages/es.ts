/** Spanish cues: «debe/deben», «debería(n)», «hay que», «es necesario», «recomendamos». */
import { anyWord, type LanguageCues, stopWords } from './cues.js';

export const es: LanguageCues = {
  stopWords: stopWords(`
    el la los las lo un una unos unas de del al a y e o u ni pero sino que quien quienes cual cuales cuyo
    donde cuando como en por para con sin sobre entre hacia hasta desde contra según ante tras se su sus
    mi mis tu tus nuestro nuestra nuestros nuestras le les me te nos os él ella ellos ellas usted ustedes
    es son fue fueron ser está están estaba estar ha han había haber hay muy más menos también ya aún
    este esta estos estas ese esa esos esas aquel aquella esto eso todo todos toda todas otro otra otros otras
    debe deben debería deberían cada dos tres diez cien mil año años vez`),
  connective:
    /^(?:primero|segundo|tercero|en primer lugar|en segundo lugar|en tercer lugar|por último|finalmente|además|asimismo|por otra parte)\s*,\s*/iu,
  prescriptive: anyWord(
    'debe(?:n|mos)?',
    'deber(?:á|ían|ía|íamos|án)',
    'hay que',
    'se (?:debe|deben|necesita|requiere)',
    'es (?:necesario|imprescindible|esencial|urgente|fundamental|indispensable|hora de|preciso)',
    'urge',
    '(?:recomendamos|proponemos|pedimos|instamos)',
  ),
  notPrescriptive: [
    // Hindsight and the past: «debió», «debería haber», «debía».
    anyWord('debi(?:ó|eron|mos)', 'deb(?:ía|ían)', 'deber(?:ía|ían) haber', 'hab(?:ía|ría) que haber'),
    // «Debe de haber» says what is probably so.
    anyWord('deben? de'),
    // Someone else's view: «según el ministro …», «los sindicatos creen que … debe».
    anyWord(
      'según',
      '(?:dice|dicen|afirma|afirman|asegura|aseguran|cree|creen|sostiene|sostienen|opina|opinan|reclama|reclaman) que',
    ),
    /^(?:si|aunque)(?![\p{L}])/iu,
  ],
  recommendationIntro: anyWord('recomend\\p{L}*', 'propuestas?', 'qué hacer', 'las siguientes medidas', 'medidas'),
  implications: [
    [anyWord('consecuencias?', 'implicaciones?', 'repercusiones?'), 3],
    [anyWord('riesgos?', 'amenaz\\p{L}*', 'impactos?', 'efectos?'), 2],
    [anyWord('(?:agrav|debilit|perjudic|socav|desestabiliz)\\p{L}*'), 2],
    [anyWord('podr(?:ía|ían|á|án)', 'costes?', 'costos?'), 1],
  ],
};
