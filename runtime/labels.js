/* briefdeck labels for the printer's layout scripts (handout, notes pages): the words of the deck's
 * language, from the <script type="application/json" id="briefdeck-labels"> block every deck carries
 * (src/deck/runtime-labels.ts). Defines window.briefdeckLabels = { text(key, params), counter(name) }. */
(function () {
  'use strict';
  var block = document.getElementById('briefdeck-labels');
  var data = block ? JSON.parse(block.textContent || '{}') : {};
  var labels = data.labels || {};
  var numbers = new Intl.NumberFormat(data.locale || 'en', { useGrouping: false });
  // CSS counters cannot use Intl: the counter styles of the numbering systems our languages use.
  var COUNTER_STYLES = { arab: 'arabic-indic', arabext: 'persian', deva: 'devanagari', beng: 'bengali', thai: 'thai' };
  var counterStyle = COUNTER_STYLES[numbers.resolvedOptions().numberingSystem] || 'decimal';
  window.briefdeckLabels = {
    /** A label with its {placeholders} filled, numbers in the deck's digits. */
    text: function (key, params) {
      return String(labels[key] || '').replace(/\{(\w+)\}/g, function (whole, name) {
        var value = params && params[name];
        return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : String(value);
      });
    },
    /** A CSS `content` value: the label with its {placeholders} as the named counters, e.g. page → counter(page, arabic-indic). */
    counters: function (key) {
      return String(labels[key] || '')
        .split(/(\{\w+\})/)
        .filter(Boolean)
        .map(function (part) {
          var counter = /^\{(\w+)\}$/.exec(part);
          return counter ? 'counter(' + counter[1] + ', ' + counterStyle + ')' : '"' + part.replace(/[\\"]/g, '\\$&') + '"';
        })
        .join(' ');
    },
  };
})();
